using DataArchiver.Core.Extraction;
using DataArchiver.Core.PostgresTypes;

namespace DataArchiver.Postgres.Extraction;

/// <summary>The server's CSV, started and read like <see cref="PostgresRowExport"/>; rows are counted from the text.</summary>
internal sealed class PostgresTextExport(UnitSession session, string sql, ExportContext context) : ITextExport
{
    /// <inheritdoc />
    public IReadOnlyList<ColumnInfo> Columns => session.Columns;

    /// <inheritdoc />
    public Task<long> PumpAsync(ITextWriter writer, Action<long> onRows, CancellationToken cancellationToken) =>
        context.RunAsync(sql, async () =>
        {
            using var text = await session.Connection.BeginTextExportAsync(sql, cancellationToken);
            return await CopyBlocking.RunAsync(() =>
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
        }, onRows, cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => session.DisposeAsync();
}
