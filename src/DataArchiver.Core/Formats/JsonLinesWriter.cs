using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DataArchiver.Core.Extraction;

namespace DataArchiver.Core.Formats;

/// <summary>
/// Writes one JSON object per line, keys in table order. Each field arrives as the JSON text PostgreSQL's
/// <c>to_json</c> renders for it, which is exactly what <c>row_to_json</c> embeds, so values are copied, never
/// re-interpreted. Line breaks inside a <c>json</c> value can only be whitespace between tokens and become spaces.
/// </summary>
public sealed class JsonLinesWriter : IRecordWriter
{
    private static readonly byte[] NullLiteral = "null"u8.ToArray();
    private readonly Stream _output;
    private readonly byte[][] _keys;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _used;

    /// <summary>Creates a writer for rows of <paramref name="columns"/> onto <paramref name="output"/>.</summary>
    public JsonLinesWriter(Stream output, IReadOnlyList<ColumnInfo> columns)
    {
        _output = output;
        _keys = new byte[columns.Count][];
        var options = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        for (var i = 0; i < columns.Count; i++)
            _keys[i] = System.Text.Encoding.UTF8.GetBytes((i == 0 ? "{" : ",") + JsonSerializer.Serialize(columns[i].Name, options) + ":");
    }

    /// <inheritdoc />
    public FieldEncoding Encoding => FieldEncoding.JsonText;

    /// <inheritdoc />
    public void WriteRow(ReadOnlySpan<byte> data, ReadOnlySpan<FieldSlice> fields)
    {
        if (fields.Length != _keys.Length)
            throw new InvalidOperationException($"row has {fields.Length} fields, expected {_keys.Length}");
        if (fields.Length == 0)
            Append("{"u8);
        for (var i = 0; i < fields.Length; i++)
        {
            Append(_keys[i]);
            var field = fields[i];
            if (field.IsNull)
            {
                Append(NullLiteral);
                continue;
            }
            var value = data.Slice(field.Offset, field.Length);
            if (value.IndexOfAny((byte)'\n', (byte)'\r') < 0)
                Append(value);
            else
                AppendWithoutLineBreaks(value);
        }
        Append("}\n"u8);
    }

    /// <inheritdoc />
    public void WriteText(ReadOnlySpan<char> text) => throw new NotSupportedException("JSON lines are built from fields");

    /// <inheritdoc />
    public void Complete()
    {
        Drain();
        _output.Flush();
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private void AppendWithoutLineBreaks(ReadOnlySpan<byte> value)
    {
        foreach (var b in value)
        {
            if (_used == _buffer.Length)
                Drain();
            _buffer[_used++] = b is (byte)'\n' or (byte)'\r' ? (byte)' ' : b;
        }
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _buffer.Length - _used)
        {
            Drain();
            if (bytes.Length > _buffer.Length)
            {
                _output.Write(bytes);
                return;
            }
        }
        bytes.CopyTo(_buffer.AsSpan(_used));
        _used += bytes.Length;
    }

    private void Drain()
    {
        if (_used == 0)
            return;
        _output.Write(_buffer, 0, _used);
        _used = 0;
    }
}
