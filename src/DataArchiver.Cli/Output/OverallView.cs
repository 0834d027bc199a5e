namespace DataArchiver.Cli.Output;

/// <summary>What the overall line of the live display shows.</summary>
/// <param name="Table">The table being archived.</param>
/// <param name="Total">Units planned; <c>null</c> while planning.</param>
/// <param name="Done">Units finished, whatever their outcome.</param>
/// <param name="Failed">Units that failed.</param>
/// <param name="Rows">Rows read so far, finished and active units together.</param>
/// <param name="Bytes">Compressed bytes written so far.</param>
/// <param name="Fraction">How much of the plan is done, 0..1, counting active units by their rows.</param>
/// <param name="Elapsed">Time since the run started.</param>
/// <param name="Remaining">Estimated time left, when it can be estimated.</param>
internal sealed record OverallView(string Table, int? Total, int Done, int Failed, long Rows, long Bytes, double Fraction, TimeSpan Elapsed,
    TimeSpan? Remaining);
