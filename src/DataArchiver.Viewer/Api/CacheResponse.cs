namespace DataArchiver.Viewer.Api;

/// <summary><c>GET /api/cache</c>: one table per state file, with an entry per object, and the time of the reading.</summary>
internal sealed record CacheResponse(IReadOnlyList<TableCache> Tables, DateTimeOffset Timestamp);
