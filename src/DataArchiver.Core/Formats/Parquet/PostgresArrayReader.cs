using System.Buffers.Binary;

namespace DataArchiver.Core.Formats.Parquet;

/// <summary>
/// Walks the elements of a binary array (<c>array_send</c>: dimensions, has-null flag, element type, then per
/// dimension its length and lower bound, then each element length-prefixed, -1 for NULL). Only one-dimensional arrays
/// starting at index 1 have an exact Parquet LIST form; anything else throws.
/// </summary>
internal ref struct PostgresArrayReader
{
    private ReadOnlySpan<byte> _rest;

    /// <summary>Reads the header of <paramref name="field"/>, which must declare elements of <paramref name="elementOid"/>.</summary>
    public PostgresArrayReader(ReadOnlySpan<byte> field, uint elementOid)
    {
        if (field.Length < 12)
            throw new InvalidDataException($"a binary array needs at least 12 bytes, got {field.Length}");
        var dimensions = BinaryPrimitives.ReadInt32BigEndian(field);
        var declared = BinaryPrimitives.ReadUInt32BigEndian(field[8..]);
        if (declared != elementOid)
            throw new InvalidDataException($"a binary array holds elements of type {declared}, expected {elementOid}");
        if (dimensions == 0)
            return;
        if (dimensions != 1)
            throw new ValueNotRepresentableException($"a {dimensions}-dimensional array has no Parquet LIST form");
        if (field.Length < 20)
            throw new InvalidDataException($"a one-dimensional binary array needs at least 20 bytes, got {field.Length}");
        var lowerBound = BinaryPrimitives.ReadInt32BigEndian(field[16..]);
        if (lowerBound != 1)
            throw new ValueNotRepresentableException($"an array starting at index {lowerBound} has no Parquet LIST form (a LIST starts at 1)");
        Count = BinaryPrimitives.ReadInt32BigEndian(field[12..]);
        _rest = field[20..];
    }

    /// <summary>The number of elements (0 for an empty array).</summary>
    public int Count { get; }

    /// <summary>The next element; <paramref name="isNull"/> tells a NULL element from an empty one.</summary>
    public ReadOnlySpan<byte> Next(out bool isNull)
    {
        if (_rest.Length < 4)
            throw new InvalidDataException("a binary array ended before its last element");
        var length = BinaryPrimitives.ReadInt32BigEndian(_rest);
        _rest = _rest[4..];
        isNull = length < 0;
        if (isNull)
            return default;
        if (_rest.Length < length)
            throw new InvalidDataException("a binary array ended inside an element");
        var element = _rest[..length];
        _rest = _rest[length..];
        return element;
    }
}
