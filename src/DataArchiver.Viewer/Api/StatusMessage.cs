namespace DataArchiver.Viewer.Api;

/// <summary>The websocket message <c>{"type": "status", "data": …}</c>, data as <c>GET /api/status</c> answers.</summary>
internal sealed record StatusMessage(StatusResponse Data)
{
    /// <summary>Always <c>status</c>.</summary>
    public string Type { get; } = "status";
}
