using Amazon.S3;
using DataArchiver.IntegrationTests.Storage;
using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Drills;

/// <summary>
/// The S3 test server's request log lines between two marks. Each mark is a HEAD request of our own for a key that
/// does not exist; s3rver logs a request once it has answered it, in order, so once the closing mark's line is in
/// the log, every request answered before it is there too.
/// </summary>
internal sealed class S3LogWindow
{
    private readonly AmazonS3Client _s3;
    private readonly string _prefix;
    private readonly int _start;

    private S3LogWindow(AmazonS3Client s3, string prefix, int start)
    {
        _s3 = s3;
        _prefix = prefix;
        _start = start;
    }

    /// <summary>Opens a window: later requests under <paramref name="prefix"/> will be in it.</summary>
    public static async Task<S3LogWindow> OpenAsync(AmazonS3Client s3, string prefix) =>
        new(s3, prefix, await MarkAsync(s3, prefix));

    /// <summary>Closes the window and returns the request lines in it that concern <paramref name="prefix"/> (marks excluded).</summary>
    public async Task<List<string>> CloseAsync()
    {
        var end = await MarkAsync(_s3, _prefix);
        var lines = S3ServerLog.Lines();
        return lines[(_start + 1)..end].Where(l => l.Contains($"/{TestServices.S3Bucket}/{_prefix}/", StringComparison.Ordinal)).ToList();
    }

    /// <summary>Lines of requests that store something (PUT, multipart POST) for <paramref name="key"/>.</summary>
    public static List<string> Writes(IEnumerable<string> lines, string key) =>
        lines.Where(l => l.StartsWith($"info: PUT /{TestServices.S3Bucket}/{key}", StringComparison.Ordinal)
                         || l.StartsWith($"info: POST /{TestServices.S3Bucket}/{key}", StringComparison.Ordinal)).ToList();

    private static async Task<int> MarkAsync(AmazonS3Client s3, string prefix)
    {
        var mark = $"{prefix}/.mark-{Guid.NewGuid():N}";
        try
        {
            await s3.GetObjectMetadataAsync(TestServices.S3Bucket, mark);
        }
        catch (AmazonS3Exception error) when (error.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
        }
        var line = $"info: HEAD /{TestServices.S3Bucket}/{mark} ";
        return await Poll.UntilValueAsync<int>(() =>
        {
            var index = Array.FindIndex(S3ServerLog.Lines(), l => l.StartsWith(line, StringComparison.Ordinal));
            return index >= 0 ? index : null;
        }, $"the log line of {mark}");
    }
}
