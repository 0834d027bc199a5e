using System.Buffers;

namespace DataArchiver.Core.Formats.Json;

/// <summary>
/// Quotes UTF-8 text the way PostgreSQL's <c>escape_json</c> does: <c>"</c> and <c>\</c> and the control characters
/// <c>\b \f \n \r \t</c> get their short escapes, every other byte below 0x20 becomes <c>\u00xx</c> (lower-case hex),
/// and everything else, multi-byte UTF-8 included, is copied as it is.
/// </summary>
internal static class JsonString
{
    private static readonly SearchValues<byte> NeedsEscape = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
            (byte)'"', (byte)'\\']);

    /// <summary>Writes <paramref name="text"/> as a quoted JSON string.</summary>
    public static void Write(JsonOutput output, ReadOnlySpan<byte> text)
    {
        output.Write((byte)'"');
        while (true)
        {
            var special = text.IndexOfAny(NeedsEscape);
            if (special < 0)
            {
                output.Write(text);
                break;
            }
            output.Write(text[..special]);
            WriteEscape(output, text[special]);
            text = text[(special + 1)..];
        }
        output.Write((byte)'"');
    }

    /// <summary>The quoted JSON string of <paramref name="text"/> as bytes (for keys, built once per writer).</summary>
    public static byte[] Encode(ReadOnlySpan<byte> text)
    {
        using var bytes = new MemoryStream();
        var output = new JsonOutput(bytes, capacity: 256);
        Write(output, text);
        output.Flush();
        return bytes.ToArray();
    }

    /// <summary>An object key: the quoted name followed by <c>:</c>, as <c>row_to_json</c> writes it.</summary>
    public static byte[] Key(string name) => [.. Encode(System.Text.Encoding.UTF8.GetBytes(name)), (byte)':'];

    private static void WriteEscape(JsonOutput output, byte value)
    {
        ReadOnlySpan<byte> escape = value switch
        {
            (byte)'"' => "\\\""u8,
            (byte)'\\' => "\\\\"u8,
            (byte)'\b' => "\\b"u8,
            (byte)'\f' => "\\f"u8,
            (byte)'\n' => "\\n"u8,
            (byte)'\r' => "\\r"u8,
            (byte)'\t' => "\\t"u8,
            _ => default,
        };
        if (!escape.IsEmpty)
        {
            output.Write(escape);
            return;
        }
        var span = output.Reserve(6);
        "\\u00"u8.CopyTo(span);
        span[4] = HexDigit(value >> 4);
        span[5] = HexDigit(value & 0xF);
        output.Advance(6);
    }

    /// <summary>The lower-case hex digit of <paramref name="nibble"/> (0–15).</summary>
    public static byte HexDigit(int nibble) => (byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
}
