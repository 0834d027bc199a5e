using DataArchiver.Core.Extraction;
using DataArchiver.Tests.Formats;

namespace DataArchiver.Benchmarks;

/// <summary>Rows as the reader hands them over: each row's fields back to back, NULL as a negative length.</summary>
internal sealed class RowBuffer
{
    private readonly List<(byte[] Data, FieldSlice[] Fields)> _rows = [];

    /// <summary>Appends one row.</summary>
    public void Add(params byte[]?[] fields) => _rows.Add(BinaryRow.Of(fields));

    /// <summary>Hands every row to <paramref name="writer"/>.</summary>
    public void WriteTo(IRowWriter writer)
    {
        foreach (var (data, fields) in _rows)
            writer.WriteRow(data, fields);
    }
}
