using System.Collections.Concurrent;
using System.Diagnostics;
using DataArchiver.Core.Planning;
using DataArchiver.Core.Progress;

namespace DataArchiver.Core.Pipeline;

/// <summary>
/// Runs a plan: up to <c>workers</c> units at once, each through the (decorated) unit processor. A unit's
/// failure is recorded and the others go on; cancellation stops taking new units and ends the run.
/// </summary>
public sealed class ArchiveRunner(IUnitProcessor processor, IArchiveProgress progress, int workers)
{
    /// <summary>Processes every unit of <paramref name="plan"/> and returns what became of each.</summary>
    public async Task<RunSummary> RunAsync(ArchivePlan plan, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var results = new ConcurrentQueue<UnitResult>();
        progress.PlanReady(plan);
        var interrupted = false;
        try
        {
            await Parallel.ForEachAsync(plan.Units,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, workers), CancellationToken = cancellationToken },
                async (unit, token) =>
                {
                    var result = await ProcessOneAsync(unit, token);
                    results.Enqueue(result);
                    progress.UnitFinished(result);
                });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            interrupted = true;
        }
        var ordered = results.OrderBy(r => r.Unit.Period.Start).ThenBy(r => r.Unit.Key, StringComparer.Ordinal).ToList();
        return new RunSummary(ordered, clock.Elapsed, interrupted);
    }

    private async Task<UnitResult> ProcessOneAsync(WorkUnit unit, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        progress.UnitStarted(unit);
        try
        {
            return await processor.ProcessAsync(unit, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception error)
        {
            return new UnitResult(unit, UnitOutcome.Failed, 0, 0, 0, clock.Elapsed, error.Message);
        }
    }
}
