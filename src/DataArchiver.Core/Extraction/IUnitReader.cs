using DataArchiver.Core.Planning;

namespace DataArchiver.Core.Extraction;

/// <summary>
/// The database side of the archive direction. Each export reads one unit with one connection and one statement and
/// pumps its rows into a writer the caller owns; the reader never creates, completes or disposes a writer.
/// </summary>
/// <remarks>
/// Failures are thrown as <see cref="SourceException"/> (transient or not), cancellation as
/// <see cref="OperationCanceledException"/>; a table that no longer exists is a permanent <see cref="SourceException"/>.
/// No code of the database's users runs in the reader's sessions, and no session setting of theirs changes what it
/// delivers.
/// </remarks>
public interface IUnitReader
{
    /// <summary>
    /// Connects and reads the unit's columns, deciding per column whether its fields come in binary or as output text
    /// (<see cref="ExportColumn.Read"/>). Dispose the export to release the connection.
    /// </summary>
    Task<IRowExport> OpenRowsAsync(WorkUnit unit, CancellationToken cancellationToken);

    /// <summary>Connects and reads the unit's columns for an export of the server's own CSV (with header).</summary>
    Task<ITextExport> OpenCsvAsync(WorkUnit unit, CancellationToken cancellationToken);

    /// <summary>The number of rows the unit holds: exact, or the planner's estimate when <paramref name="estimate"/> is set.</summary>
    Task<long> CountAsync(WorkUnit unit, bool estimate, CancellationToken cancellationToken);
}
