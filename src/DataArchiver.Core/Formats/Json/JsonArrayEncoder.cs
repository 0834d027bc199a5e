using System.Buffers.Binary;

namespace DataArchiver.Core.Formats.Json;

/// <summary>
/// Encodes a binary array (<c>array_send</c>: dimension count, has-null flag, element type, per dimension its length
/// and lower bound, then the elements in row-major order, each length-prefixed, -1 for NULL) as <c>to_json</c> does:
/// nested JSON arrays, one level per dimension, lower bounds ignored, <c>[]</c> when empty, NULL elements as
/// <c>null</c>.
/// </summary>
internal static class JsonArrayEncoder
{
    /// <summary>PostgreSQL's limit on array dimensions (MAXDIM).</summary>
    private const int MaxDimensions = 6;

    /// <summary>Writes <paramref name="field"/>, whose elements must be of <paramref name="elementOid"/>, as JSON.</summary>
    public static void Write(JsonOutput output, JsonValueType elementType, uint elementOid, ReadOnlySpan<byte> field)
    {
        if (field.Length < 12)
            throw new InvalidDataException($"a binary array needs at least 12 bytes, got {field.Length}");
        var dimensionCount = BinaryPrimitives.ReadInt32BigEndian(field);
        var declared = BinaryPrimitives.ReadUInt32BigEndian(field[8..]);
        if (declared != elementOid)
            throw new InvalidDataException($"a binary array holds elements of type {declared}, expected {elementOid}");
        if (dimensionCount is < 0 or > MaxDimensions || field.Length < 12 + 8 * dimensionCount)
            throw new InvalidDataException($"a binary array of {field.Length} bytes cannot have {dimensionCount} dimensions");
        Span<int> lengths = stackalloc int[MaxDimensions];
        long total = dimensionCount == 0 ? 0 : 1;
        for (var d = 0; d < dimensionCount; d++)
        {
            lengths[d] = BinaryPrimitives.ReadInt32BigEndian(field[(12 + 8 * d)..]);
            if (lengths[d] < 0)
                throw new InvalidDataException($"a binary array has a dimension of length {lengths[d]}");
            total *= lengths[d];
        }
        if (total == 0)
        {
            output.Write("[]"u8);
            return;
        }
        var elements = field[(12 + 8 * dimensionCount)..];
        WriteDimension(output, elementType, lengths[..dimensionCount], ref elements);
        if (!elements.IsEmpty)
            throw new InvalidDataException("a binary array has bytes after its last element");
    }

    private static void WriteDimension(JsonOutput output, JsonValueType elementType, scoped ReadOnlySpan<int> lengths,
        ref ReadOnlySpan<byte> elements)
    {
        output.Write((byte)'[');
        for (var i = 0; i < lengths[0]; i++)
        {
            if (i > 0)
                output.Write((byte)',');
            if (lengths.Length > 1)
                WriteDimension(output, elementType, lengths[1..], ref elements);
            else
                WriteElement(output, elementType, ref elements);
        }
        output.Write((byte)']');
    }

    private static void WriteElement(JsonOutput output, JsonValueType elementType, ref ReadOnlySpan<byte> elements)
    {
        if (elements.Length < 4)
            throw new InvalidDataException("a binary array ended before its last element");
        var length = BinaryPrimitives.ReadInt32BigEndian(elements);
        elements = elements[4..];
        if (length < 0)
        {
            output.Write("null"u8);
            return;
        }
        if (elements.Length < length)
            throw new InvalidDataException("a binary array ended inside an element");
        JsonValueEncoder.Write(output, elementType, elements[..length]);
        elements = elements[length..];
    }
}
