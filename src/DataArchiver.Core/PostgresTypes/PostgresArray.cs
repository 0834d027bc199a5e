using System.Buffers.Binary;

namespace DataArchiver.Core.PostgresTypes;

/// <summary>
/// A binary array (<c>array_send</c>: dimension count, has-null flag, element type, per dimension its length and lower
/// bound, then the elements in row-major order, each length-prefixed, -1 for NULL), its header parsed and checked once.
/// </summary>
internal ref struct PostgresArray
{
    /// <summary>PostgreSQL's limit on array dimensions (MAXDIM).</summary>
    public const int MaxDimensions = 6;

    private ArrayDimensions _lengths;
    private ArrayDimensions _lowerBounds;
    private ReadOnlySpan<byte> _rest;

    /// <summary>Reads the header of <paramref name="field"/>, which must declare elements of <paramref name="elementOid"/>.</summary>
    public PostgresArray(ReadOnlySpan<byte> field, uint elementOid)
    {
        if (field.Length < 12)
            throw new InvalidDataException($"a binary array needs at least 12 bytes, got {field.Length}");
        var dimensions = BinaryPrimitives.ReadInt32BigEndian(field);
        var declared = BinaryPrimitives.ReadUInt32BigEndian(field[8..]);
        if (declared != elementOid)
            throw new InvalidDataException($"a binary array holds elements of type {declared}, expected {elementOid}");
        if (dimensions is < 0 or > MaxDimensions || field.Length < 12 + 8 * dimensions)
            throw new InvalidDataException($"a binary array of {field.Length} bytes cannot have {dimensions} dimensions");
        Dimensions = dimensions;
        long count = dimensions == 0 ? 0 : 1;
        for (var d = 0; d < dimensions; d++)
        {
            _lengths[d] = BinaryPrimitives.ReadInt32BigEndian(field[(12 + 8 * d)..]);
            _lowerBounds[d] = BinaryPrimitives.ReadInt32BigEndian(field[(16 + 8 * d)..]);
            if (_lengths[d] < 0)
                throw new InvalidDataException($"a binary array has a dimension of length {_lengths[d]}");
            count *= _lengths[d];
        }
        Count = count;
        _rest = field[(12 + 8 * dimensions)..];
    }

    /// <summary>The number of dimensions (0 for an empty array).</summary>
    public int Dimensions { get; }

    /// <summary>The number of elements over all dimensions.</summary>
    public long Count { get; }

    /// <summary>The length of dimension <paramref name="dimension"/>.</summary>
    public readonly int Length(int dimension) => _lengths[dimension];

    /// <summary>The lower bound (first index) of dimension <paramref name="dimension"/>.</summary>
    public readonly int LowerBound(int dimension) => _lowerBounds[dimension];

    /// <summary>The next element in row-major order; <paramref name="isNull"/> tells a NULL element from an empty one.</summary>
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

    /// <summary>Throws unless every element has been read.</summary>
    public readonly void EnsureEnd()
    {
        if (!_rest.IsEmpty)
            throw new InvalidDataException("a binary array has bytes after its last element");
    }
}
