using DataArchiver.Core.Extraction;
using DataArchiver.Core.Planning;
using DataArchiver.Core.Progress;
using DataArchiver.Core.State;

namespace DataArchiver.Core.Pipeline;

/// <summary>
/// Tells the display how many rows a unit will have: the planner's estimate when <paramref name="estimate"/> is set
/// (<c>--skip-count</c>), else an exact count, cached in the state for a day except while the unit's period is still
/// open (today's partition is always counted again).
/// </summary>
public sealed class RowCounter(IUnitReader reader, StateStore state, IUnitOutput output, IArchiveProgress progress, TimeProvider clock, bool estimate)
{
    /// <summary>How long a cached count of a closed period is used.</summary>
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromDays(1);

    /// <summary>Counts (or estimates) the rows of <paramref name="unit"/> and reports them.</summary>
    public async Task ReportExpectedAsync(WorkUnit unit, CancellationToken cancellationToken)
    {
        progress.StageChanged(unit, UnitStage.Counting);
        if (estimate)
        {
            progress.RowsExpected(unit, await reader.CountAsync(unit, estimate: true, cancellationToken), estimated: true);
            return;
        }
        var now = clock.GetUtcNow();
        var cacheKey = unit.Window is { } w ? $"{unit.Source} [{w.Start:O}, {w.End:O})" : unit.Source.ToString();
        var closed = (unit.Window?.End ?? unit.Period.End) <= now.UtcDateTime;
        var rows = closed ? state.GetCount(cacheKey, CacheLifetime, now) : null;
        if (rows is null)
        {
            rows = await reader.CountAsync(unit, estimate: false, cancellationToken);
            if (closed)
                output.RecordCount(cacheKey, rows.Value, now);
        }
        progress.RowsExpected(unit, rows.Value, estimated: false);
    }
}
