namespace DataArchiver.Viewer.Api;

/// <summary>The websocket message <c>{"type": "cache", "data": …}</c>, data as <c>GET /api/cache</c> answers.</summary>
internal sealed record CacheMessage(CacheResponse Data)
{
    /// <summary>Always <c>cache</c>.</summary>
    public string Type { get; } = "cache";
}
