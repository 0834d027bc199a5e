using DataArchiver.Core.Extraction;
using DataArchiver.Core.Planning;

namespace DataArchiver.Core.Formats;

/// <summary>A format built from rows of fields (JSON lines, Parquet): open, create the writer, pump, complete.</summary>
public abstract class RowFileFormat : IFileFormat
{
    /// <inheritdoc />
    public abstract bool CompressesInside { get; }

    /// <summary>The writer for rows of <paramref name="columns"/> onto <paramref name="output"/>.</summary>
    public abstract IRowWriter CreateWriter(Stream output, IReadOnlyList<ExportColumn> columns);

    /// <inheritdoc />
    public async Task<FormatResult> WriteAsync(IUnitReader reader, WorkUnit unit, Stream output, Action<long> onRows,
        CancellationToken cancellationToken)
    {
        await using var export = await reader.OpenRowsAsync(unit, cancellationToken);
        // Inside-compressed files have no uncompressed stream to count: count what the database sent instead.
        using var writer = CompressesInside ? new RowByteCounter(CreateWriter(output, export.Columns)) : CreateWriter(output, export.Columns);
        var rows = await export.PumpAsync(writer, onRows, cancellationToken);
        writer.Complete();
        return new FormatResult(rows, [.. export.Columns.Select(column => column.Column)], (writer as RowByteCounter)?.Bytes);
    }
}
