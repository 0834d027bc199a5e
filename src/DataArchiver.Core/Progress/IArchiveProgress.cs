using DataArchiver.Core.Planning;

namespace DataArchiver.Core.Progress;

/// <summary>
/// How the pipeline tells the outside world what it is doing. Implementations render a live display or log
/// lines; the pipeline never writes to the console itself. Calls may come from several workers at once.
/// </summary>
public interface IArchiveProgress
{
    /// <summary>The plan is known.</summary>
    void PlanReady(ArchivePlan plan);

    /// <summary>A worker took up <paramref name="unit"/>.</summary>
    void UnitStarted(WorkUnit unit);

    /// <summary>The unit moved to another stage.</summary>
    void StageChanged(WorkUnit unit, UnitStage stage);

    /// <summary>The expected number of rows is known (exact or estimated).</summary>
    void RowsExpected(WorkUnit unit, long rows, bool estimated);

    /// <summary>Rows read and compressed bytes written so far.</summary>
    void RowsDone(WorkUnit unit, long rows, long bytesOut);

    /// <summary>An attempt failed and another follows after <paramref name="delay"/>.</summary>
    void Retrying(WorkUnit unit, int attempt, TimeSpan delay, Exception cause);

    /// <summary>The unit ended.</summary>
    void UnitFinished(UnitResult result);

    /// <summary>A diagnostic detail, shown only with <c>--debug</c>.</summary>
    void Debug(string message);

    /// <summary>Something the operator should know that is not an error.</summary>
    void Warning(string message);
}
