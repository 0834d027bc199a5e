using System.Buffers;
using DataArchiver.Core.Extraction;

namespace DataArchiver.Benchmarks;

/// <summary>Rows laid out as the reader hands them over: each row's fields back to back, NULL as a negative length.</summary>
internal sealed class RowBuffer
{
    private readonly ArrayBufferWriter<byte> _data = new();
    private readonly List<(int Start, int Length, FieldSlice[] Fields)> _rows = [];

    /// <summary>Total bytes of all fields.</summary>
    public long Bytes => _data.WrittenCount;

    /// <summary>Appends one row.</summary>
    public void Add(params byte[]?[] fields)
    {
        var start = _data.WrittenCount;
        var slices = new FieldSlice[fields.Length];
        var offset = 0;
        for (var i = 0; i < fields.Length; i++)
        {
            if (fields[i] is not { } field)
            {
                slices[i] = new FieldSlice(offset, -1);
                continue;
            }
            _data.Write(field);
            slices[i] = new FieldSlice(offset, field.Length);
            offset += field.Length;
        }
        _rows.Add((start, offset, slices));
    }

    /// <summary>Hands every row to <paramref name="writer"/>.</summary>
    public void WriteTo(IRecordWriter writer)
    {
        var data = _data.WrittenSpan;
        foreach (var (start, length, fields) in _rows)
            writer.WriteRow(data.Slice(start, length), fields);
    }
}
