using DataArchiver.Core.Extraction;
using DataArchiver.Core.Formats.Json;
using DataArchiver.Core.PostgresTypes;

namespace DataArchiver.Core.Formats;

/// <summary>
/// Writes one JSON object per line, keys in table order, each line byte for byte the <c>row_to_json</c> of its row (with
/// TimeZone=UTC; line breaks inside a <c>json</c> value, which can only be whitespace between tokens, become spaces).
/// Binary fields are encoded here exactly as <c>to_json</c> renders them; output-text fields are rendered from their
/// text and their type's shape as <c>to_json</c> would without casts to json (see <see cref="JsonTextRenderer"/>): no
/// server JSON function ever runs on user data, so a user's cast cannot replace a value.
/// </summary>
public sealed class JsonLinesWriter : IRowWriter
{
    private readonly JsonOutput _output;
    private readonly byte[][] _keys;
    private readonly ExportColumn[] _columns;
    private readonly JsonTextRenderer _text = new();

    /// <summary>Creates a writer for rows of <paramref name="columns"/> onto <paramref name="output"/>.</summary>
    public JsonLinesWriter(Stream output, IReadOnlyList<ExportColumn> columns)
    {
        _output = new JsonOutput(output);
        _keys = new byte[columns.Count][];
        _columns = [.. columns];
        for (var i = 0; i < columns.Count; i++)
        {
            // Keys are escaped as row_to_json escapes them.
            _keys[i] = [(byte)(i == 0 ? '{' : ','), .. JsonString.Key(columns[i].Column.Name)];
            if (columns[i].Wire is null && columns[i].Shape is null)
                throw new ArgumentException($"column \"{columns[i].Column.Name}\" is read as text but has no type shape", nameof(columns));
        }
    }

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
            if (_columns[i].Wire is not { } wire)
                _text.Write(_output, _columns[i].Shape!, value);
            else if (wire.IsArray)
                JsonArrayEncoder.Write(_output, wire.Type, wire.Oid, value);
            else
                JsonValueEncoder.Write(_output, wire.Type, value);
        }
        _output.Write("}\n"u8);
    }

    /// <inheritdoc />
    public void Complete() => _output.Flush();

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
