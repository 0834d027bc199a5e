using DataArchiver.Core.Extraction;

namespace DataArchiver.Postgres.Extraction;

/// <summary>
/// A binary COPY: started asynchronously (the server may take long to answer and a cancellation must reach it), its
/// rows then read on a thread of its own with synchronous reads (see <see cref="CopyBlocking"/>).
/// </summary>
internal sealed class PostgresRowExport(UnitSession session, IReadOnlyList<ExportColumn> columns, string sql, ExportContext context)
    : IRowExport
{
    /// <inheritdoc />
    public IReadOnlyList<ExportColumn> Columns => columns;

    /// <inheritdoc />
    public Task<long> PumpAsync(IRowWriter writer, Action<long> onRows, CancellationToken cancellationToken) =>
        context.RunAsync(sql, async () =>
        {
            await using var stream = await session.Connection.BeginRawBinaryCopyAsync(sql, cancellationToken);
            return await CopyBlocking.RunAsync(() =>
            {
                var reader = new BinaryCopyReader(stream, columns.Count);
                long read = 0;
                while (reader.Read())
                {
                    writer.WriteRow(reader.Tuple, reader.Fields);
                    if (++read % context.ChunkSize == 0)
                        onRows(read);
                }
                return read;
            }, stream.Cancel, cancellationToken);
        }, onRows, cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => session.DisposeAsync();
}
