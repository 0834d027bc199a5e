using DataArchiver.Core.Extraction;
using DataArchiver.Core.Formats.Json;

namespace DataArchiver.Core.Formats;

/// <summary>
/// Writes one JSON object per line, keys in table order, each line byte for byte the <c>row_to_json</c> of its row (with
/// TimeZone=UTC; line breaks inside a <c>json</c> value, which can only be whitespace between tokens, become spaces).
/// Fields of the types <see cref="JsonProjection"/> marks native arrive in binary and are encoded here exactly as
/// <c>to_json</c> would render them; the others arrive as the server's <c>to_json</c> text and are copied.
/// </summary>
public sealed class JsonLinesWriter : IRecordWriter
{
    private readonly JsonOutput _output;
    private readonly byte[][] _keys;
    private readonly JsonColumnEncoding[] _encodings;

    /// <summary>Creates a writer for rows of <paramref name="columns"/> onto <paramref name="output"/>.</summary>
    public JsonLinesWriter(Stream output, IReadOnlyList<ColumnInfo> columns)
    {
        _output = new JsonOutput(output);
        _keys = new byte[columns.Count][];
        _encodings = new JsonColumnEncoding[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            // Keys are escaped as row_to_json escapes them.
            _keys[i] = [(byte)(i == 0 ? '{' : ','), .. JsonString.Encode(System.Text.Encoding.UTF8.GetBytes(columns[i].Name)), (byte)':'];
            _encodings[i] = JsonProjection.For(columns[i]);
        }
    }

    /// <inheritdoc />
    public FieldEncoding Encoding => FieldEncoding.JsonMixed;

    /// <inheritdoc />
    public void WriteRow(ReadOnlySpan<byte> data, ReadOnlySpan<FieldSlice> fields)
    {
        if (fields.Length != _keys.Length)
            throw new InvalidOperationException($"row has {fields.Length} fields, expected {_keys.Length}");
        if (fields.Length == 0)
            _output.Write((byte)'{');
        for (var i = 0; i < fields.Length; i++)
        {
            _output.Write(_keys[i]);
            var field = fields[i];
            if (field.IsNull)
            {
                _output.Write("null"u8);
                continue;
            }
            var value = data.Slice(field.Offset, field.Length);
            var encoding = _encodings[i];
            if (encoding.IsArray)
                JsonArrayEncoder.Write(_output, encoding.Type, encoding.ElementOid, value);
            else
                JsonValueEncoder.Write(_output, encoding.Type, value);
        }
        _output.Write("}\n"u8);
    }

    /// <inheritdoc />
    public void WriteText(ReadOnlySpan<char> text) => throw new NotSupportedException("JSON lines are built from fields");

    /// <inheritdoc />
    public void Complete() => _output.Flush();

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
