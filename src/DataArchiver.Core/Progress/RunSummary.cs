namespace DataArchiver.Core.Progress;

/// <summary>The totals of one run, printed at its end.</summary>
public sealed record RunSummary(IReadOnlyList<UnitResult> Results, TimeSpan Elapsed, bool Interrupted)
{
    /// <summary>Units with the given outcome.</summary>
    public int Count(UnitOutcome outcome) => Results.Count(r => r.Outcome == outcome);

    /// <summary>Rows read from the database.</summary>
    public long Rows => Results.Sum(r => r.Rows);

    /// <summary>Bytes before compression.</summary>
    public long BytesIn => Results.Sum(r => r.BytesIn);

    /// <summary>Bytes after compression.</summary>
    public long BytesOut => Results.Sum(r => r.BytesOut);

    /// <summary>How many units the plan held; after an interruption some of them have no result.</summary>
    public int Planned { get; init; }

    /// <summary>Planned units that did not finish (never started, or stopped by an interruption).</summary>
    public int Unfinished => Math.Max(0, Planned - Results.Count);

    /// <summary>Whether any unit failed.</summary>
    public bool AnyFailed => Results.Any(r => r.Outcome == UnitOutcome.Failed);
}
