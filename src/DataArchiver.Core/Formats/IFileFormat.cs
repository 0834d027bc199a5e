using DataArchiver.Core.Extraction;
using DataArchiver.Core.Planning;

namespace DataArchiver.Core.Formats;

/// <summary>
/// One output format of the archive direction. It owns its writer's whole life: it opens the unit through the reader,
/// creates the writer for the columns, has the reader pump the rows into it, completes it and disposes it.
/// </summary>
public interface IFileFormat
{
    /// <summary>Whether the format compresses inside the file (Parquet), so no stream codec is applied after it.</summary>
    bool CompressesInside { get; }

    /// <summary>
    /// Writes the rows of <paramref name="unit"/> from <paramref name="reader"/> onto <paramref name="output"/> (which
    /// stays open) and returns what was written. Reports running row counts to <paramref name="onRows"/>.
    /// </summary>
    Task<FormatResult> WriteAsync(IUnitReader reader, WorkUnit unit, Stream output, Action<long> onRows, CancellationToken cancellationToken);
}
