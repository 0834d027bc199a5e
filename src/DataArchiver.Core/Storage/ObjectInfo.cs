namespace DataArchiver.Core.Storage;

/// <summary>What a store reports about one stored object.</summary>
/// <param name="Key">The object key.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="ETag">The ETag without surrounding quotes, or <c>null</c> when the store has none.</param>
/// <param name="Metadata">User metadata (keys lower-case, without any <c>x-amz-meta-</c> prefix); empty from listings.</param>
public sealed record ObjectInfo(string Key, long Size, string? ETag, IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>An empty metadata map.</summary>
    public static readonly IReadOnlyDictionary<string, string> NoMetadata = new Dictionary<string, string>();
}
