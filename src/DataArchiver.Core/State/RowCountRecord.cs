namespace DataArchiver.Core.State;

/// <summary>A cached row count of one source (expires; object records never do).</summary>
public sealed record RowCountRecord(long Rows, DateTimeOffset CountedAt);
