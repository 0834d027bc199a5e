using DataArchiver.Core.State;
using DataArchiver.Viewer.Api;

namespace DataArchiver.Viewer.Sources;

/// <summary>Turns state records and active workers into <see cref="CacheEntry"/> values.</summary>
internal static class CacheEntries
{
    /// <summary>The entry of one state record.</summary>
    public static CacheEntry FromRecord(string table, string key, ObjectRecord record)
    {
        var uploaded = !record.Empty && record.Md5 is not null && record.UploadedAt is not null;
        var etag = record.ETag?.Trim('"');
        return new CacheEntry
        {
            Table = table,
            Partition = record.Source ?? FileStem(key),
            RowCount = record.Rows,
            CountTime = record.UploadedAt,
            FileSize = record.Size,
            UncompressedSize = record.UncompressedSize,
            FileMd5 = record.Md5,
            MultipartETag = etag is not null && etag.Contains('-', StringComparison.Ordinal) ? etag : null,
            FileTime = record.UploadedAt,
            S3Key = key,
            S3Uploaded = uploaded,
            S3UploadTime = uploaded ? record.UploadedAt : null,
            LastError = record.LastError,
            State = record.LastError is not null ? "failed" : record.Empty ? "empty" : "uploaded",
            RowsFrom = record.RowsFrom,
            RowsTo = record.RowsTo,
        };
    }

    /// <summary>The entry of a unit a worker is processing, over the stored one if any.</summary>
    public static CacheEntry Running(string table, WorkerInfo worker, CacheEntry? stored) => (stored ?? new CacheEntry
    {
        Table = table,
        Partition = worker.Partition,
        S3Key = worker.Key,
        State = "running",
    }) with
    {
        Partition = worker.Partition,
        RowCount = worker.Rows,
        ProcessStartTime = worker.StartedAt,
        State = "running",
    };

    /// <summary>The object's file name without its extensions: <c>events-2024-01-02</c> for <c>…/events-2024-01-02.jsonl.zst</c>.</summary>
    public static string FileStem(string key)
    {
        var name = key[(key.LastIndexOf('/') + 1)..];
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? name[..dot] : name;
    }
}
