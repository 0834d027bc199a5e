using DataArchiver.Core.PostgresTypes;

namespace DataArchiver.Core.Formats.Json;

/// <summary>
/// Encodes a binary array (<c>array_send</c>: dimension count, has-null flag, element type, per dimension its length
/// and lower bound, then the elements in row-major order, each length-prefixed, -1 for NULL) as <c>to_json</c> does:
/// nested JSON arrays, one level per dimension, lower bounds ignored, <c>[]</c> when empty, NULL elements as
/// <c>null</c>.
/// </summary>
internal static class JsonArrayEncoder
{
    /// <summary>Writes <paramref name="field"/>, whose elements must be of <paramref name="elementOid"/>, as JSON.</summary>
    public static void Write(JsonOutput output, WireType elementType, uint elementOid, ReadOnlySpan<byte> field)
    {
        var array = new PostgresArray(field, elementOid);
        if (array.Count == 0)
        {
            output.Write("[]"u8);
            return;
        }
        WriteDimension(output, elementType, ref array, 0);
        array.EnsureEnd();
    }

    private static void WriteDimension(JsonOutput output, WireType elementType, ref PostgresArray array, int dimension)
    {
        output.Write((byte)'[');
        for (var i = 0; i < array.Length(dimension); i++)
        {
            if (i > 0)
                output.Write((byte)',');
            if (dimension + 1 < array.Dimensions)
            {
                WriteDimension(output, elementType, ref array, dimension + 1);
                continue;
            }
            var element = array.Next(out var isNull);
            if (isNull)
                output.Write("null"u8);
            else
                JsonValueEncoder.Write(output, elementType, element);
        }
        output.Write((byte)']');
    }
}
