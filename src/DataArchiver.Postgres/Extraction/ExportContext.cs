using DataArchiver.Core.Planning;
using DataArchiver.Core.Progress;
using DataArchiver.Postgres.Session;

namespace DataArchiver.Postgres.Extraction;

/// <summary>What an export needs besides its session: the unit, how often to report rows, where debug lines go.</summary>
internal sealed record ExportContext(WorkUnit Unit, int ChunkSize, IArchiveProgress Progress, TimeProvider Clock)
{
    /// <summary>
    /// Runs one COPY of the unit: logs the statement and its timing, reports the final row count, and turns database
    /// failures into <see cref="Core.Extraction.SourceException"/>s.
    /// </summary>
    public async Task<long> RunAsync(string sql, Func<Task<long>> copy, Action<long> onRows, CancellationToken cancellationToken)
    {
        Progress.Debug($"{Unit.Source}: {sql}");
        var started = Clock.GetTimestamp();
        try
        {
            var rows = await copy();
            onRows(rows);
            Progress.Debug($"{Unit.Source}: {rows} rows read in {Clock.GetElapsedTime(started).TotalSeconds:F2} s");
            return rows;
        }
        catch (Exception error) when (PostgresUnitReader.IsDatabaseError(error, cancellationToken))
        {
            throw PostgresErrors.Wrap(error, $"reading {Unit.Source}", connecting: false);
        }
    }
}
