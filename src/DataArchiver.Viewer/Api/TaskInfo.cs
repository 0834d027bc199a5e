using System.Text.Json.Serialization;

namespace DataArchiver.Viewer.Api;

/// <summary>A run in the Go tool's <c>current_task.json</c> shape (snake_case), as <c>currentTask</c> of the status.</summary>
internal sealed record TaskInfo
{
    /// <summary>Process id.</summary>
    [JsonPropertyName("pid")] public required int Pid { get; init; }
    /// <summary>When the run started, UTC.</summary>
    [JsonPropertyName("start_time")] public required DateTimeOffset StartTime { get; init; }
    /// <summary>The archived table, <c>schema.table</c>.</summary>
    [JsonPropertyName("table")] public required string Table { get; init; }
    /// <summary>First day of the range, <c>YYYY-MM-DD</c>.</summary>
    [JsonPropertyName("start_date")] public required string StartDate { get; init; }
    /// <summary>Last day of the range, <c>YYYY-MM-DD</c>.</summary>
    [JsonPropertyName("end_date")] public required string EndDate { get; init; }
    /// <summary>What the run does, in words.</summary>
    [JsonPropertyName("current_task")] public required string CurrentTask { get; init; }
    /// <summary>The partition of the first active worker; absent when none is active.</summary>
    [JsonPropertyName("current_partition"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CurrentPartition { get; init; }
    /// <summary>That worker's stage; absent when none is active.</summary>
    [JsonPropertyName("current_step"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CurrentStep { get; init; }
    /// <summary>Percent of the planned units finished, 0 to 100.</summary>
    [JsonPropertyName("progress")] public required double Progress { get; init; }
    /// <summary>Units planned (0 until the plan is known).</summary>
    [JsonPropertyName("total_items")] public required int TotalItems { get; init; }
    /// <summary>Units finished, whatever their outcome.</summary>
    [JsonPropertyName("completed_items")] public required int CompletedItems { get; init; }
    /// <summary>When the run last reported, UTC.</summary>
    [JsonPropertyName("last_update")] public required DateTimeOffset LastUpdate { get; init; }
}
