using System.Buffers.Text;
using DataArchiver.Core.PostgresTypes;

namespace DataArchiver.Core.Formats.Json;

/// <summary>
/// Encodes one non-NULL field to the JSON text <c>to_json</c> renders for it, writing UTF-8 straight into the output.
/// Numbers that JSON cannot hold (float and numeric NaN and ±Infinity) become strings, as in PostgreSQL.
/// </summary>
internal static class JsonValueEncoder
{
    /// <summary>Writes <paramref name="field"/>, a value of <paramref name="type"/>, as JSON.</summary>
    public static void Write(JsonOutput output, WireType type, ReadOnlySpan<byte> field)
    {
        switch (type)
        {
            case WireType.Json:
                // Line breaks in a json value can only be whitespace between tokens.
                output.WriteWithoutLineBreaks(field);
                break;
            case WireType.Jsonb:
                if (field.IsEmpty || field[0] != 1)
                    throw new InvalidDataException($"a binary jsonb value has the unknown version {(field.IsEmpty ? -1 : field[0])}");
                output.WriteWithoutLineBreaks(field[1..]);
                break;
            case WireType.Text:
                JsonString.Write(output, field);
                break;
            case WireType.Bool:
                output.Write(PostgresBinary.ReadBoolean(field) ? "true"u8 : "false"u8);
                break;
            case WireType.Int2:
                WriteInteger(output, PostgresBinary.ReadInt16(field));
                break;
            case WireType.Int4:
                WriteInteger(output, PostgresBinary.ReadInt32(field));
                break;
            case WireType.Int8:
                WriteInteger(output, PostgresBinary.ReadInt64(field));
                break;
            case WireType.Float4:
                WriteFloat(output, PostgresBinary.ReadFloat(field), single: true);
                break;
            case WireType.Float8:
                WriteFloat(output, PostgresBinary.ReadDouble(field), single: false);
                break;
            case WireType.Numeric:
                WriteNumeric(output, field);
                break;
            case WireType.Uuid:
                WriteUuid(output, field);
                break;
            case WireType.Bytea:
                WriteBytea(output, field);
                break;
            default:
                WriteDateTime(output, type, field);
                break;
        }
    }

    private static void WriteInteger(JsonOutput output, long value)
    {
        var span = output.Reserve(20);
        Utf8Formatter.TryFormat(value, span, out var written);
        output.Advance(written);
    }

    private static void WriteFloat(JsonOutput output, double value, bool single)
    {
        if (!double.IsFinite(value))
        {
            output.Write(double.IsNaN(value) ? "\"NaN\""u8 : value > 0 ? "\"Infinity\""u8 : "\"-Infinity\""u8);
            return;
        }
        var span = output.Reserve(PostgresFloatText.MaxLength);
        output.Advance(single ? PostgresFloatText.FormatSingle((float)value, span) : PostgresFloatText.FormatDouble(value, span));
    }

    private static void WriteNumeric(JsonOutput output, ReadOnlySpan<byte> field)
    {
        var span = output.Reserve(PostgresNumericText.MeasureMax(field) + 2);
        if (PostgresNumericText.IsFinite(field))
        {
            output.Advance(PostgresNumericText.Format(field, span));
            return;
        }
        span[0] = (byte)'"';
        var length = PostgresNumericText.Format(field, span[1..]);
        span[length + 1] = (byte)'"';
        output.Advance(length + 2);
    }

    private static void WriteUuid(JsonOutput output, ReadOnlySpan<byte> field)
    {
        if (field.Length != 16)
            throw new InvalidDataException($"a binary uuid has 16 bytes, got {field.Length}");
        Span<byte> hex = stackalloc byte[32];
        Convert.TryToHexStringLower(field, hex, out _);
        // "8-4-4-4-12" hex digits, quoted.
        var span = output.Reserve(38);
        span[0] = (byte)'"';
        hex[..8].CopyTo(span[1..]);
        span[9] = (byte)'-';
        hex[8..12].CopyTo(span[10..]);
        span[14] = (byte)'-';
        hex[12..16].CopyTo(span[15..]);
        span[19] = (byte)'-';
        hex[16..20].CopyTo(span[20..]);
        span[24] = (byte)'-';
        hex[20..].CopyTo(span[25..]);
        span[37] = (byte)'"';
        output.Advance(38);
    }

    private static void WriteBytea(JsonOutput output, ReadOnlySpan<byte> field)
    {
        // bytea_output = hex: \x and two digits per byte; the backslash is escaped in JSON.
        output.Write("\"\\\\x"u8);
        const int chunk = 8 * 1024;
        while (!field.IsEmpty)
        {
            var part = field[..Math.Min(chunk, field.Length)];
            var span = output.Reserve(2 * part.Length);
            Convert.TryToHexStringLower(part, span, out var written);
            output.Advance(written);
            field = field[part.Length..];
        }
        output.Write((byte)'"');
    }

    private static void WriteDateTime(JsonOutput output, WireType type, ReadOnlySpan<byte> field)
    {
        var span = output.Reserve(PostgresDateTimeText.MaxLength + 2);
        span[0] = (byte)'"';
        var text = span[1..];
        var length = type switch
        {
            WireType.Date => PostgresDateTimeText.FormatDate(PostgresBinary.ReadInt32(field), text),
            WireType.Time => PostgresDateTimeText.FormatTime(PostgresBinary.ReadInt64(field), text),
            WireType.Timestamp => PostgresDateTimeText.FormatTimestamp(PostgresBinary.ReadInt64(field), withOffset: false, text),
            WireType.TimestampTz => PostgresDateTimeText.FormatTimestamp(PostgresBinary.ReadInt64(field), withOffset: true, text),
            _ => throw new InvalidOperationException($"no JSON encoding for {type}"),
        };
        span[length + 1] = (byte)'"';
        output.Advance(length + 2);
    }
}
