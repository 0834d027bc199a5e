using DataArchiver.Core.Planning;

namespace DataArchiver.Core.Progress;

/// <summary>The end of one unit: its outcome and what it moved.</summary>
public sealed record UnitResult(
    WorkUnit Unit,
    UnitOutcome Outcome,
    long Rows,
    long BytesIn,
    long BytesOut,
    TimeSpan Elapsed,
    string? Error = null);
