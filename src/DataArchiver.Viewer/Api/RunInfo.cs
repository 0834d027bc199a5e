namespace DataArchiver.Viewer.Api;

/// <summary>One run: what it archives, how far it is, and one line per active worker.</summary>
internal sealed record RunInfo
{
    /// <summary>Process id.</summary>
    public required int Pid { get; init; }
    /// <summary>Whether the process is alive (a status file left by a killed run is shown as not running).</summary>
    public required bool Running { get; init; }
    /// <summary>Whether this is the run of the serving process (<c>archive --viewer</c>).</summary>
    public bool Live { get; init; }
    /// <summary>The archived table, <c>schema.table</c>.</summary>
    public required string Table { get; init; }
    /// <summary>First day of the range.</summary>
    public required string StartDate { get; init; }
    /// <summary>Last day of the range.</summary>
    public required string EndDate { get; init; }
    /// <summary>When the run started, UTC.</summary>
    public required DateTimeOffset StartedAt { get; init; }
    /// <summary>When it last reported, UTC.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }
    /// <summary>Units planned.</summary>
    public int UnitsTotal { get; init; }
    /// <summary>Units finished, whatever their outcome.</summary>
    public int UnitsDone { get; init; }
    /// <summary>Units that failed.</summary>
    public int UnitsFailed { get; init; }
    /// <summary>Units uploaded; <c>null</c> when not known (a run of another process).</summary>
    public int? UnitsArchived { get; init; }
    /// <summary>Units already stored; <c>null</c> when not known.</summary>
    public int? UnitsSkipped { get; init; }
    /// <summary>Units without rows; <c>null</c> when not known.</summary>
    public int? UnitsEmpty { get; init; }
    /// <summary>Rows read by finished units; <c>null</c> when not known.</summary>
    public long? Rows { get; init; }
    /// <summary>Bytes before compression of finished units; <c>null</c> when not known.</summary>
    public long? BytesIn { get; init; }
    /// <summary>Bytes written by finished units; <c>null</c> when not known.</summary>
    public long? BytesOut { get; init; }
    /// <summary>Retries so far; <c>null</c> when not known.</summary>
    public int? Retries { get; init; }
    /// <summary>The active workers, by object key.</summary>
    public required IReadOnlyList<WorkerInfo> Workers { get; init; }
}
