namespace DataArchiver.Viewer.Api;

/// <summary>One active worker: its unit, stage and rows.</summary>
internal sealed record WorkerInfo
{
    /// <summary>The partition (or table, for a date window) read.</summary>
    public required string Partition { get; init; }
    /// <summary>The object key written.</summary>
    public required string Key { get; init; }
    /// <summary>checking, counting, extracting, uploading, verifying or retrying.</summary>
    public required string Stage { get; init; }
    /// <summary>Rows read so far.</summary>
    public long Rows { get; init; }
    /// <summary>Rows expected; <c>null</c> until known.</summary>
    public long? ExpectedRows { get; init; }
    /// <summary>Whether <see cref="ExpectedRows"/> is the planner's estimate.</summary>
    public bool Estimated { get; init; }
    /// <summary>Compressed bytes written so far; <c>null</c> when not known.</summary>
    public long? BytesOut { get; init; }
    /// <summary>When the worker took the unit up; <c>null</c> when not known.</summary>
    public DateTimeOffset? StartedAt { get; init; }
}
