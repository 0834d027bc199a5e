namespace DataArchiver.Viewer.Api;

/// <summary>The objects of one state file (one table archived to one destination).</summary>
internal sealed record TableCache
{
    /// <summary>The table, <c>schema.table</c>.</summary>
    public required string TableName { get; init; }
    /// <summary>Where its objects go (bucket and endpoint, or directory).</summary>
    public required string Destination { get; init; }
    /// <summary>One entry per object key.</summary>
    public required IReadOnlyList<CacheEntry> Entries { get; init; }
}
