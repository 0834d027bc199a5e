using DataArchiver.Core.PostgresTypes;

namespace DataArchiver.Core.Formats.Json;

/// <summary>
/// Renders a value that arrived as its output text as <c>to_json</c> renders it when no cast to json applies: arrays
/// (<c>array_out</c> text) as nested JSON arrays, composites (<c>record_out</c> text) as objects keyed by attribute
/// name, and each scalar by its type — bool as <c>true</c>/<c>false</c>, numbers bare when they are valid JSON numbers,
/// json and jsonb embedded, timestamps in the ISO 8601 form with <c>T</c>, everything else as a JSON string of its text.
/// Keys and structure follow <c>to_json</c>; only the type's output function ever ran on the server.
/// </summary>
internal sealed class JsonTextRenderer
{
    private readonly Dictionary<TypeShapeAttribute, byte[]> _keys = [];

    /// <summary>Writes <paramref name="text"/>, a non-NULL value of <paramref name="shape"/>, as JSON.</summary>
    public void Write(JsonOutput output, TypeShape shape, ReadOnlySpan<byte> text)
    {
        switch (shape.Kind)
        {
            case TypeShapeKind.Array:
                var rest = SkipBounds(text);
                WriteArrayLevel(output, shape.Element!, ref rest);
                if (!rest.IsEmpty)
                    throw Malformed("array", text);
                break;
            case TypeShapeKind.Composite:
                WriteComposite(output, shape, text);
                break;
            default:
                WriteScalar(output, shape.Oid, text);
                break;
        }
    }

    private static ReadOnlySpan<byte> SkipBounds(ReadOnlySpan<byte> text)
    {
        // Lower bounds other than 1 come first, as "[0:1]={…}"; to_json ignores them.
        if (text.IsEmpty || text[0] != '[')
            return text;
        var equals = text.IndexOf((byte)'=');
        return equals < 0 ? throw Malformed("array", text) : text[(equals + 1)..];
    }

    private void WriteArrayLevel(JsonOutput output, TypeShape element, ref ReadOnlySpan<byte> rest)
    {
        if (rest.IsEmpty || rest[0] != '{')
            throw Malformed("array", rest);
        rest = rest[1..];
        output.Write((byte)'[');
        if (!rest.IsEmpty && rest[0] == '}')
        {
            rest = rest[1..];
            output.Write((byte)']');
            return;
        }
        var delimiter = (byte)element.Delimiter;
        for (var first = true; ; first = false)
        {
            if (!first)
                output.Write((byte)',');
            if (!rest.IsEmpty && rest[0] == '{')
                WriteArrayLevel(output, element, ref rest);
            else
                WriteArrayElement(output, element, ref rest, delimiter);
            if (rest.IsEmpty)
                throw Malformed("array", rest);
            var next = rest[0];
            rest = rest[1..];
            if (next == '}')
                break;
            if (next != delimiter)
                throw Malformed("array", rest);
        }
        output.Write((byte)']');
    }

    private void WriteArrayElement(JsonOutput output, TypeShape element, ref ReadOnlySpan<byte> rest, byte delimiter)
    {
        if (!rest.IsEmpty && rest[0] == '"')
        {
            // array_out escapes " and \ with a backslash inside quotes.
            WriteUnquoted(output, element, ref rest, doubledQuotes: false);
            return;
        }
        var end = rest.IndexOfAny(delimiter, (byte)'}');
        if (end < 0)
            throw Malformed("array", rest);
        var value = rest[..end];
        rest = rest[end..];
        if (value.SequenceEqual("NULL"u8))
            output.Write("null"u8);
        else
            Write(output, element, value);
    }

    private void WriteComposite(JsonOutput output, TypeShape shape, ReadOnlySpan<byte> text)
    {
        if (text.Length < 2 || text[0] != '(' || text[^1] != ')')
            throw Malformed("composite", text);
        var rest = text[1..];
        output.Write((byte)'{');
        for (var i = 0; i < shape.Attributes.Count; i++)
        {
            var attribute = shape.Attributes[i];
            if (i > 0)
            {
                if (rest.IsEmpty || rest[0] != ',')
                    throw Malformed("composite", text);
                rest = rest[1..];
                output.Write((byte)',');
            }
            output.Write(Key(attribute));
            if (!rest.IsEmpty && rest[0] == '"')
            {
                // record_out doubles " and \ inside quotes; record_in also reads a backslash as an escape.
                WriteUnquoted(output, attribute.Shape, ref rest, doubledQuotes: true);
                continue;
            }
            var end = rest.IndexOfAny((byte)',', (byte)')');
            if (end < 0)
                throw Malformed("composite", text);
            if (end == 0)
                output.Write("null"u8);
            else
                Write(output, attribute.Shape, rest[..end]);
            rest = rest[end..];
        }
        if (!rest.SequenceEqual(")"u8))
            throw Malformed("composite", text);
        output.Write((byte)'}');
    }

    private void WriteUnquoted(JsonOutput output, TypeShape shape, ref ReadOnlySpan<byte> rest, bool doubledQuotes)
    {
        var value = new List<byte>(rest.Length);
        var at = 1;
        while (true)
        {
            if (at >= rest.Length)
                throw Malformed("quoted value", rest);
            var c = rest[at++];
            if (c == '\\')
            {
                if (at >= rest.Length)
                    throw Malformed("quoted value", rest);
                value.Add(rest[at++]);
            }
            else if (c == '"' && doubledQuotes && at < rest.Length && rest[at] == '"')
            {
                value.Add((byte)'"');
                at++;
            }
            else if (c == '"')
            {
                break;
            }
            else
            {
                value.Add(c);
            }
        }
        rest = rest[at..];
        Write(output, shape, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(value));
    }

    private byte[] Key(TypeShapeAttribute attribute)
    {
        if (!_keys.TryGetValue(attribute, out var key))
            _keys[attribute] = key = JsonString.Key(attribute.Name);
        return key;
    }

    private static void WriteScalar(JsonOutput output, uint oid, ReadOnlySpan<byte> text)
    {
        switch (WireTypes.Of(oid))
        {
            case WireType.Bool:
                output.Write(text.SequenceEqual("t"u8) ? "true"u8 : text.SequenceEqual("f"u8) ? "false"u8 : throw Malformed("bool", text));
                break;
            case WireType.Int2 or WireType.Int4 or WireType.Int8 or WireType.Float4 or WireType.Float8 or WireType.Numeric:
                if (JsonNumber.IsValid(text))
                    output.Write(text);
                else
                    JsonString.Write(output, text);
                break;
            case WireType.Json or WireType.Jsonb:
                output.WriteWithoutLineBreaks(text);
                break;
            case WireType.Timestamp:
                WriteXsdTimestamp(output, text, withOffset: false);
                break;
            case WireType.TimestampTz:
                WriteXsdTimestamp(output, text, withOffset: true);
                break;
            default:
                JsonString.Write(output, text);
                break;
        }
    }

    /// <summary>ISO output (<c>2024-01-02 03:04:05+00</c>) → the XSD form to_json prints (<c>2024-01-02T03:04:05+00:00</c>).</summary>
    private static void WriteXsdTimestamp(JsonOutput output, ReadOnlySpan<byte> text, bool withOffset)
    {
        output.Write((byte)'"');
        var space = text.IndexOf((byte)' ');
        if (space < 0)
        {
            // infinity, -infinity
            output.Write(text);
            output.Write((byte)'"');
            return;
        }
        output.Write(text[..space]);
        output.Write((byte)'T');
        var rest = text[(space + 1)..];
        var sign = withOffset ? rest.IndexOfAny((byte)'+', (byte)'-') : -1;
        if (sign >= 0)
        {
            var end = rest[sign..].IndexOf((byte)' ') is var e and >= 0 ? sign + e : rest.Length;
            output.Write(rest[..end]);
            if (end - sign == 3)
                output.Write(":00"u8);
            rest = rest[end..];
        }
        output.Write(rest);
        output.Write((byte)'"');
    }

    private static InvalidDataException Malformed(string what, ReadOnlySpan<byte> text) =>
        new($"the server's text of a {what} cannot be read near \"{System.Text.Encoding.UTF8.GetString(text[..Math.Min(40, text.Length)])}\"");
}
