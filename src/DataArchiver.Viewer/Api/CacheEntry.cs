using System.Text.Json.Serialization;

namespace DataArchiver.Viewer.Api;

/// <summary>
/// One object, in the Go tool's field names (<c>partition</c>, <c>rowCount</c>, <c>fileSize</c>, <c>fileMD5</c>, …) plus
/// <c>state</c>, <c>rowsFrom</c> and <c>rowsTo</c>. Times the state does not know are <c>null</c>.
/// </summary>
internal sealed record CacheEntry
{
    /// <summary>The table, as in <see cref="TableCache.TableName"/>.</summary>
    public required string Table { get; init; }
    /// <summary>The partition read, or (for records that do not name it) the object's file name without extensions.</summary>
    public required string Partition { get; init; }
    /// <summary>Rows the object holds (so far, while running).</summary>
    public long RowCount { get; init; }
    /// <summary>When the rows were counted; here the time the object was stored.</summary>
    public DateTimeOffset? CountTime { get; init; }
    /// <summary>Size of the stored object in bytes.</summary>
    public long FileSize { get; init; }
    /// <summary>Bytes before compression where known, else <c>null</c>.</summary>
    public long? UncompressedSize { get; init; }
    /// <summary>Hex MD5 of the stored bytes.</summary>
    [JsonPropertyName("fileMD5")] public string? FileMd5 { get; init; }
    /// <summary>The store's ETag when it is a multipart one (<c>…-N</c>); absent otherwise.</summary>
    [JsonPropertyName("multipartETag"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? MultipartETag { get; init; }
    /// <summary>When the file was written; here the time it was stored.</summary>
    public DateTimeOffset? FileTime { get; init; }
    /// <summary>The object key.</summary>
    [JsonPropertyName("s3Key")] public required string S3Key { get; init; }
    /// <summary>Whether an object is stored under the key.</summary>
    [JsonPropertyName("s3Uploaded")] public bool S3Uploaded { get; init; }
    /// <summary>When it was stored.</summary>
    [JsonPropertyName("s3UploadTime")] public DateTimeOffset? S3UploadTime { get; init; }
    /// <summary>The error of the last failed attempt, in full; <c>null</c> when the last attempt did not fail.</summary>
    public string? LastError { get; init; }
    /// <summary>When that error happened, where known.</summary>
    public DateTimeOffset? ErrorTime { get; init; }
    /// <summary>When a worker took the unit up, while it runs.</summary>
    public DateTimeOffset? ProcessStartTime { get; init; }
    /// <summary>running, failed, empty, skipped (found stored by the serving run) or uploaded.</summary>
    public required string State { get; init; }
    /// <summary>Start (UTC) of the dates the object's rows were read for.</summary>
    public DateTimeOffset? RowsFrom { get; init; }
    /// <summary>Exclusive end (UTC) of those dates.</summary>
    public DateTimeOffset? RowsTo { get; init; }
}
