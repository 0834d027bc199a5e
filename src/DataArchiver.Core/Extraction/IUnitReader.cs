using DataArchiver.Core.Planning;

namespace DataArchiver.Core.Extraction;

/// <summary>The database side of a work unit: reads its rows with one connection and one statement.</summary>
public interface IUnitReader
{
    /// <summary>
    /// Streams the rows of <paramref name="unit"/> into the writer that <paramref name="createWriter"/> builds for its
    /// columns, reporting the running row count to <paramref name="onRows"/> every chunk, and returns the number of rows.
    /// Failures are thrown as <see cref="SourceException"/>; cancellation as <see cref="OperationCanceledException"/>.
    /// </summary>
    Task<long> ExportAsync(WorkUnit unit, Func<IReadOnlyList<ColumnInfo>, IRecordWriter> createWriter, Action<long> onRows,
        CancellationToken cancellationToken);

    /// <summary>The number of rows the unit holds: exact, or the planner's estimate when <paramref name="estimate"/> is set.</summary>
    Task<long> CountAsync(WorkUnit unit, bool estimate, CancellationToken cancellationToken);
}
