using System.Diagnostics;
using DataArchiver.Core.Extraction;
using DataArchiver.Core.PostgresTypes;
using DataArchiver.Postgres.Session;

namespace DataArchiver.Postgres.Extraction;

/// <summary>The server's CSV, started and read like <see cref="PostgresRowExport"/>; rows are counted from the text.</summary>
internal sealed class PostgresTextExport(UnitSession session, string sql, ExportContext context) : ITextExport
{
    /// <inheritdoc />
    public IReadOnlyList<ColumnInfo> Columns => session.Columns;

    /// <inheritdoc />
    public async Task<long> PumpAsync(ITextWriter writer, Action<long> onRows, CancellationToken cancellationToken)
    {
        var source = context.Unit.Source;
        context.Progress.Debug($"{source}: {sql}");
        var clock = Stopwatch.StartNew();
        try
        {
            using var text = await session.Connection.BeginTextExportAsync(sql, cancellationToken);
            var rows = await CopyBlocking.RunAsync(() =>
            {
                // A read returns at most one COPY message (a row); the buffer only has to hold a long one in few reads.
                var buffer = new char[16 * 1024];
                var counter = new CsvRecordCounter();
                long reported = 0;
                int read;
                while ((read = text.Read(buffer)) > 0)
                {
                    var chunk = buffer.AsSpan(0, read);
                    writer.WriteText(chunk);
                    counter.Scan(chunk);
                    if (counter.Records - reported >= context.ChunkSize)
                    {
                        reported = counter.Records;
                        onRows(Math.Max(0, reported - 1));
                    }
                }
                // The first record is the header line.
                return Math.Max(0, counter.Records - 1);
            }, text.Cancel, cancellationToken);
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
