using DataArchiver.Core.Extraction;
using DataArchiver.Core.Planning;

namespace DataArchiver.Core.Formats;

/// <summary>CSV: the server's own <c>COPY … (FORMAT csv, HEADER)</c> text, passed through (see <see cref="CsvTextWriter"/>).</summary>
public sealed class CsvFormat : IFileFormat
{
    /// <inheritdoc />
    public bool CompressesInside => false;

    /// <inheritdoc />
    public async Task<FormatResult> WriteAsync(IUnitReader reader, WorkUnit unit, Stream output, Action<long> onRows,
        CancellationToken cancellationToken)
    {
        await using var export = await reader.OpenCsvAsync(unit, cancellationToken);
        using var writer = new CsvTextWriter(output);
        var rows = await export.PumpAsync(writer, onRows, cancellationToken);
        writer.Complete();
        return new FormatResult(rows, export.Columns);
    }
}
