using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Amazon.S3.Model;
using DataArchiver.IntegrationTests.Storage;
using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Drills;

/// <summary>Fault drills on the store side: an outage in the middle of a multipart upload, multipart round trips, objects changed behind our back.</summary>
public sealed partial class StoreDrills : IDisposable
{
    private static readonly DateOnly Day1 = new(2024, 4, 1);
    private static readonly DateOnly Day2 = new(2024, 4, 2);
    private static readonly DateOnly Day3 = new(2024, 4, 3);

    /// <summary>Small parts so that a few MiB make a multipart upload of several parts.</summary>
    private static readonly string[] Multipart = ["--multipart-threshold", "5MiB", "--multipart-part-size", "5MiB"];

    private readonly ArchiveArgs _args = new();

    public void Dispose() => _args.Dispose();

    [Fact]
    public async Task StoreDownMidMultipartUpload_UnitRetried_ObjectExact_BrokenUploadAborted()
    {
        var table = await DrillTable.CreateAsync("so");
        await table.AddDayAsync(Day1, 40_000, DrillTable.DenseBody); // about 7.5 MiB: parts of 5 and 2.5 MiB
        var key = table.Key(Day1);
        using var proxy = OutageProxy.Start(TestServices.S3Endpoint, downAfterBytes: 4 << 20);
        var args = _args.ToS3(table.Name, table.Prefix, "2024-04-01", "2024-04-01", [.. Multipart, "--db-max-retries", "10"]);
        args[Array.IndexOf(args, "--s3-endpoint") + 1] = proxy.Endpoint;

        var run = CliRunner.RunAsync(args, _args.Environment);
        await RunGuard.WaitWhileRunningAsync(run, proxy.WentDown);
        // The failed attempt (its abort already tried against the dead server) is in the state file before the next one starts.
        await RunGuard.WaitWhileRunningAsync(run,
            Poll.UntilAsync(() => StateFile.LastError(_args.StateDirectory, key) is not null, "the first attempt to be recorded as failed"));
        proxy.ComeBack();
        var result = await run;

        Assert.True(result.ExitCode == 0, result.Describe());
        Summary.AssertSays(result, "archived 1, skipped 0, empty 0, failed 0");
        Assert.Contains($"{table.Partition(Day1)}: attempt 1 failed", result.Stderr, StringComparison.Ordinal);
        var abort = await S3ServerLog.FindRequestAsync(l => S3ServerLog.IsAbortOf(l, TestServices.S3Bucket, key), TimeSpan.FromSeconds(10));
        Assert.True(abort is not null, "no abort of the broken upload reached the server\n" + result.Describe());
        var completed = await S3ServerLog.FindRequestAsync(
            l => l.StartsWith($"info: POST /{TestServices.S3Bucket}/{key}?uploadId=", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.NotNull(completed);
        Assert.Single(S3ServerLog.Lines(), l => l.StartsWith($"info: POST /{TestServices.S3Bucket}/{key}?uploadId=", StringComparison.Ordinal));
        Assert.NotEqual(UploadId(completed), UploadId(abort));
        // Sent first while the server was down (no answer), then again once it was back: the line above.
        Assert.Matches($@"could not abort multipart upload {UploadId(abort)} of s3://{TestServices.S3Bucket}/{Regex.Escape(key)} \([^)]*\); will try again",
            result.Stderr);
        Assert.Null(StateFile.LastError(_args.StateDirectory, key));
        using var s3 = S3TestClient.Create();
        Assert.Equal([key], await ArchivedObject.KeysAsync(s3, table.Prefix));
        await ArchivedObject.AssertExactAsync(s3, key, table.Partition(Day1));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_args.TempDirectory));
    }

    [Fact]
    public async Task MultipartUpload_VerifiedAndRoundTripsByteForByte()
    {
        var table = await DrillTable.CreateAsync("mp");
        await table.AddDayAsync(Day1, 65_000, DrillTable.DenseBody);
        var key = table.Key(Day1);
        using var s3 = S3TestClient.Create();
        var window = await S3LogWindow.OpenAsync(s3, table.Prefix);

        var result = await CliRunner.RunAsync(_args.ToS3(table.Name, table.Prefix, "2024-04-01", "2024-04-01", Multipart), _args.Environment);

        Assert.True(result.ExitCode == 0, result.Describe());
        var writes = S3LogWindow.Writes(await window.CloseAsync(), key);
        var parts = writes.Where(l => l.StartsWith("info: PUT ", StringComparison.Ordinal) && l.Contains("?partNumber=", StringComparison.Ordinal)).ToList();
        Assert.True(parts.Count >= 2, string.Join('\n', writes));
        Assert.Single(writes, l => l.StartsWith($"info: POST /{TestServices.S3Bucket}/{key}?uploadId=", StringComparison.Ordinal));
        Assert.DoesNotContain(writes, l => l.StartsWith($"info: PUT /{TestServices.S3Bucket}/{key} ", StringComparison.Ordinal));

        var bytes = await S3TestClient.DownloadAsync(s3, key);
        Assert.True(bytes.Length > 10 << 20, $"only {bytes.Length} bytes: fewer than three parts");
        // s3rver answers a multipart upload with the whole-object MD5 as ETag, and the tool's check accepted that form.
        var record = StateFile.Objects(_args.StateDirectory)[key]!;
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(bytes)), (string?)record["md5"]);
        Assert.Equal((string?)record["md5"], (string?)record["e_tag"]);
        Assert.Equal(bytes.Length, (long)record["size"]!);
        await ArchivedObject.AssertExactAsync(s3, key, table.Partition(Day1));
    }

    [Fact]
    public async Task MultipartUpload_StoreAnsweringInTheAwsMultipartETagForm_VerifiedAndSkippedNextTime()
    {
        var table = await DrillTable.CreateAsync("aw");
        await table.AddDayAsync(Day1, 35_000, DrillTable.DenseBody); // about 6.5 MiB: two parts
        var key = table.Key(Day1);
        using var proxy = AwsETagProxy.Start(TestServices.S3Endpoint);
        var args = _args.ToS3(table.Name, table.Prefix, "2024-04-01", "2024-04-01", Multipart);
        args[Array.IndexOf(args, "--s3-endpoint") + 1] = proxy.Endpoint;

        var first = await CliRunner.RunAsync(args, _args.Environment);

        Assert.True(first.ExitCode == 0, first.Describe());
        Summary.AssertSays(first, "archived 1, skipped 0, empty 0, failed 0");
        Assert.True(proxy.Rewritten >= 1, "the tool never saw an AWS-style ETag");
        using var s3 = S3TestClient.Create();
        var bytes = await S3TestClient.DownloadAsync(s3, key);
        var awsETag = AwsETagProxy.MultipartETag(bytes, 5 << 20);
        Assert.EndsWith("-2", awsETag, StringComparison.Ordinal);
        var record = StateFile.Objects(_args.StateDirectory)[key]!;
        Assert.Equal(awsETag, (string?)record["e_tag"]);
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(bytes)), (string?)record["md5"]);

        var second = await CliRunner.RunAsync(args, _args.Environment);

        Assert.True(second.ExitCode == 0, second.Describe());
        Summary.AssertSays(second, "archived 0, skipped 1, empty 0, failed 0");
        await ArchivedObject.AssertExactAsync(s3, key, table.Partition(Day1));
    }

    [Fact]
    public async Task ObjectReplacedBehindOurBack_Detected_UploadedAgain()
    {
        var table = await DrillTable.CreateAsync("rp");
        foreach (var day in new[] { Day1, Day2, Day3 })
            await table.AddDayAsync(day, 2_000);
        var args = _args.ToS3(table.Name, table.Prefix, "2024-04-01", "2024-04-03");
        var first = await CliRunner.RunAsync(args, _args.Environment);
        Assert.True(first.ExitCode == 0, first.Describe());

        // Same size, different bytes, written by someone else.
        using var s3 = S3TestClient.Create();
        var original = await S3TestClient.DownloadAsync(s3, table.Key(Day2));
        var forged = original.Select(b => (byte)~b).ToArray();
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = TestServices.S3Bucket, Key = table.Key(Day2), InputStream = new MemoryStream(forged), UseChunkEncoding = false,
        });
        // s3rver answers a PUT before its file is completely written; a write still going on would mix with the next one.
        await Poll.UntilAsync(async () => (await S3TestClient.DownloadAsync(s3, table.Key(Day2))).AsSpan().SequenceEqual(forged),
            "s3rver to hold the whole replacement");
        var window = await S3LogWindow.OpenAsync(s3, table.Prefix);

        var second = await CliRunner.RunAsync(args, _args.Environment);

        Assert.True(second.ExitCode == 0, second.Describe());
        Summary.AssertSays(second, "archived 1, skipped 2, empty 0, failed 0");
        var lines = await window.CloseAsync();
        Assert.Single(S3LogWindow.Writes(lines, table.Key(Day2)));
        Assert.Empty(S3LogWindow.Writes(lines, table.Key(Day1)));
        Assert.Empty(S3LogWindow.Writes(lines, table.Key(Day3)));
        Assert.Equal(original, await S3TestClient.DownloadAsync(s3, table.Key(Day2)));
        foreach (var day in new[] { Day1, Day2, Day3 })
            await ArchivedObject.AssertExactAsync(s3, table.Key(day), table.Rows(day));
    }

    private static string UploadId(string line) => UploadIdPattern().Match(line) is { Success: true } m ? m.Groups[1].Value : "";

    [GeneratedRegex("uploadId=([0-9a-zA-Z]+)")]
    private static partial Regex UploadIdPattern();
}
