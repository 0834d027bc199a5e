using DataArchiver.Core.Planning;
using DataArchiver.Core.Progress;

namespace DataArchiver.Cli.Output;

/// <summary>
/// Sends every pipeline event to several listeners (the display and the status file). A listener that throws is
/// turned off, the others are told once in a warning, and the run goes on: showing progress must never stop the
/// archiving itself.
/// </summary>
internal sealed class CompositeProgress(params IArchiveProgress[] listeners) : IArchiveProgress
{
    private readonly int[] _failed = new int[listeners.Length];

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
        for (var i = 0; i < listeners.Length; i++)
        {
            if (Volatile.Read(ref _failed[i]) != 0)
                continue;
            try
            {
                action(listeners[i]);
            }
            catch (Exception error)
            {
                // Whatever a listener throws, the run goes on; the others hear of it once.
                if (Interlocked.Exchange(ref _failed[i], 1) != 0)
                    continue;
                var warning = $"{Describe(listeners[i])} failed and is turned off for the rest of the run: {error.Message}";
                Each(l => l.Warning(warning));
            }
        }
    }

    private static string Describe(IArchiveProgress listener) => listener switch
    {
        StatusFiles => "the status file writer",
        _ => "the progress display",
    };
}
