using System.Diagnostics;
using DataArchiver.Core.Extraction;
using DataArchiver.Postgres.Session;

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
    public async Task<long> PumpAsync(IRowWriter writer, Action<long> onRows, CancellationToken cancellationToken)
    {
        var source = context.Unit.Source;
        context.Progress.Debug($"{source}: {sql}");
        var clock = Stopwatch.StartNew();
        try
        {
            await using var stream = await session.Connection.BeginRawBinaryCopyAsync(sql, cancellationToken);
            var rows = await CopyBlocking.RunAsync(() =>
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
            onRows(rows);
            context.Progress.Debug($"{source}: {rows} rows read in {clock.Elapsed.TotalSeconds:F2} s");
            return rows;
        }
        catch (Exception error) when (PostgresUnitReader.IsDatabaseError(error, cancellationToken))
        {
            throw PostgresErrors.Wrap(error, $"reading {source}", connecting: false);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => session.DisposeAsync();
}
