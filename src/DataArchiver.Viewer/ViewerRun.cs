using DataArchiver.Core.Progress;
using DataArchiver.Viewer.Metrics;
using DataArchiver.Viewer.Sources;

namespace DataArchiver.Viewer;

/// <summary>The serving process's own run: hand <see cref="Progress"/> to the pipeline beside the display.</summary>
public sealed class ViewerRun
{
    /// <summary>A run over <paramref name="table"/>'s days from <paramref name="startDate"/> to <paramref name="endDate"/>.</summary>
    public ViewerRun(string table, DateOnly startDate, DateOnly endDate, TimeProvider clock)
    {
        Metrics = new RunMetrics();
        Tracker = new LiveRun(table, startDate, endDate, clock, Metrics);
    }

    /// <summary>The listener that keeps the viewer and the metrics up to date.</summary>
    public IArchiveProgress Progress => Tracker;

    internal RunMetrics Metrics { get; }

    internal LiveRun Tracker { get; }
}
