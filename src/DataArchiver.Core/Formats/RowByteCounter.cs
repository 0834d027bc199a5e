using DataArchiver.Core.Extraction;

namespace DataArchiver.Core.Formats;

/// <summary>Passes rows on to a writer and adds up the bytes of the rows as PostgreSQL sent them.</summary>
internal sealed class RowByteCounter(IRowWriter inner) : IRowWriter
{
    /// <summary>The bytes of every row passed on so far.</summary>
    public long Bytes { get; private set; }

    /// <inheritdoc />
    public void WriteRow(ReadOnlySpan<byte> data, ReadOnlySpan<FieldSlice> fields)
    {
        Bytes += data.Length;
        inner.WriteRow(data, fields);
    }

    /// <inheritdoc />
    public void Complete() => inner.Complete();

    /// <inheritdoc />
    public void Dispose() => inner.Dispose();
}
