using DataArchiver.Core.Planning;
using DataArchiver.Core.Progress;

namespace DataArchiver.Cli.Output;

/// <summary>Sends every pipeline event to several listeners (the display and the status file).</summary>
internal sealed class CompositeProgress(params IArchiveProgress[] listeners) : IArchiveProgress
{
    public void PlanReady(ArchivePlan plan) => Each(l => l.PlanReady(plan));
    public void UnitStarted(WorkUnit unit) => Each(l => l.UnitStarted(unit));
    public void StageChanged(WorkUnit unit, UnitStage stage) => Each(l => l.StageChanged(unit, stage));
    public void RowsExpected(WorkUnit unit, long rows, bool estimated) => Each(l => l.RowsExpected(unit, rows, estimated));
    public void RowsDone(WorkUnit unit, long rows, long bytesOut) => Each(l => l.RowsDone(unit, rows, bytesOut));
    public void Retrying(WorkUnit unit, int attempt, TimeSpan delay, Exception cause) => Each(l => l.Retrying(unit, attempt, delay, cause));
    public void UnitFinished(UnitResult result) => Each(l => l.UnitFinished(result));
    public void Debug(string message) => Each(l => l.Debug(message));
    public void Warning(string message) => Each(l => l.Warning(message));

    private void Each(Action<IArchiveProgress> action)
    {
        foreach (var listener in listeners)
            action(listener);
    }
}
