using System.Text.Json.Serialization;

namespace DataArchiver.Viewer.Api;

/// <summary>
/// <c>GET /api/status</c>: the Go tool's shape (<c>archiverRunning</c>, <c>pid</c>, <c>currentTask</c>, <c>version</c>,
/// <c>updateAvailable</c>, <c>isSlicing</c>) plus <c>runs</c>, every run found, most recent first.
/// </summary>
internal sealed record StatusResponse
{
    /// <summary>Whether any run is alive.</summary>
    public required bool ArchiverRunning { get; init; }

    /// <summary>Process id of the most recent live run; absent when none runs.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Pid { get; init; }

    /// <summary>The most recent live run in the Go tool's task shape; absent when none runs.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TaskInfo? CurrentTask { get; init; }

    /// <summary>This tool's version.</summary>
    public required string Version { get; init; }

    /// <summary>Always false: the tool never asks the network for newer releases (kept for the Go tool's clients).</summary>
    public bool UpdateAvailable { get; init; }

    /// <summary>Always false: there are no date slices (kept for the Go tool's clients).</summary>
    public bool IsSlicing { get; init; }

    /// <summary>Every run whose status file is in the state directory (and the serving run), most recent first.</summary>
    public required IReadOnlyList<RunInfo> Runs { get; init; }
}
