namespace DataArchiver.Cli.Output;

/// <summary>What the line of one active worker shows.</summary>
/// <param name="Name">The partition (or table) it reads.</param>
/// <param name="Stage">Its current stage, from the pipeline's events.</param>
/// <param name="Rows">Rows read so far.</param>
/// <param name="Expected">Rows expected, when known.</param>
/// <param name="Estimated">Whether <paramref name="Expected"/> is the planner's estimate rather than a count.</param>
/// <param name="RowsPerSecond">Reading speed since extraction began, when measurable.</param>
/// <param name="Bytes">Compressed bytes written so far.</param>
internal sealed record WorkerView(string Name, string Stage, long Rows, long? Expected, bool Estimated, double? RowsPerSecond, long Bytes);
