using System.Diagnostics;
using DataArchiver.Core.Planning;
using DataArchiver.Core.Progress;
using DataArchiver.Postgres.Session;

namespace DataArchiver.Postgres.Extraction;

/// <summary>What an export needs besides its session: the unit, how often to report rows, where debug lines go.</summary>
internal sealed record ExportContext(WorkUnit Unit, int ChunkSize, IArchiveProgress Progress)
{
    /// <summary>
    /// Runs one COPY of the unit: logs the statement and its timing, reports the final row count, and turns database
    /// failures into <see cref="Core.Extraction.SourceException"/>s.
    /// </summary>
    public async Task<long> RunAsync(string sql, Func<Task<long>> copy, Action<long> onRows, CancellationToken cancellationToken)
    {
        Progress.Debug($"{Unit.Source}: {sql}");
        var clock = Stopwatch.StartNew();
        try
        {
            var rows = await copy();
            onRows(rows);
            Progress.Debug($"{Unit.Source}: {rows} rows read in {clock.Elapsed.TotalSeconds:F2} s");
            return rows;
        }
        catch (Exception error) when (PostgresUnitReader.IsDatabaseError(error, cancellationToken))
        {
            throw PostgresErrors.Wrap(error, $"reading {Unit.Source}", connecting: false);
        }
    }
}
