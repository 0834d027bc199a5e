using System.Collections.Concurrent;
using DataArchiver.Core.Planning;
using DataArchiver.Core.Progress;

namespace DataArchiver.Core.Pipeline;

/// <summary>
/// Runs a plan: up to <c>workers</c> units at once, each through the (decorated) unit processor. A unit's
/// failure is recorded and the others go on; cancellation stops taking new units, stops the units in flight (whatever
/// exception their cancelled I/O ends with, it is an interruption, never a failure) and ends the run.
/// </summary>
public sealed class ArchiveRunner(IUnitProcessor processor, IArchiveProgress progress, int workers, TimeProvider clock)
{
    /// <summary>Processes every unit of <paramref name="plan"/> and returns what became of each.</summary>
    public async Task<RunSummary> RunAsync(ArchivePlan plan, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var results = new ConcurrentQueue<UnitResult>();
        progress.PlanReady(plan);
        try
        {
            await Parallel.ForEachAsync(plan.Units,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, workers), CancellationToken = cancellationToken },
                async (unit, token) =>
                {
                    var result = await ProcessOneAsync(unit, token, cancellationToken);
                    results.Enqueue(result);
                    progress.UnitFinished(result);
                });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Interrupted: the summary tells what was finished.
        }
        var ordered = results.OrderBy(r => r.Unit.Period.Start).ThenBy(r => r.Unit.Key, StringComparer.Ordinal).ToList();
        return new RunSummary(ordered, clock.GetElapsedTime(started), cancellationToken.IsCancellationRequested) { Planned = plan.Units.Count };
    }

    /// <summary>
    /// One unit; <paramref name="cancellationToken"/> is the worker's (linked to the run's), <paramref name="runToken"/> the
    /// run's own, which is cancelled a moment earlier when the user interrupts.
    /// </summary>
    private async Task<UnitResult> ProcessOneAsync(WorkUnit unit, CancellationToken cancellationToken, CancellationToken runToken)
    {
        var started = clock.GetTimestamp();
        progress.UnitStarted(unit);
        try
        {
            return await processor.ProcessAsync(unit, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested || runToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception error) when (cancellationToken.IsCancellationRequested || runToken.IsCancellationRequested)
        {
            // Cancelled I/O does not always end in OperationCanceledException (a server's "query cancelled", a closed
            // socket): once the run is being stopped, any ending of a unit is the interruption, not a failure of the unit.
            throw new OperationCanceledException("interrupted", error, cancellationToken);
        }
        catch (Exception error)
        {
            return new UnitResult(unit, UnitOutcome.Failed, 0, 0, 0, clock.GetElapsedTime(started), Failures.Describe(error));
        }
    }
}
