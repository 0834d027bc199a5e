using System.Security.Cryptography;
using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Drills;

/// <summary>
/// Store drills that need a real S3 implementation (Ceph RGW): bit rot between hashing and upload refused by
/// Content-MD5 and retried from the database, aborted uploads gone from the server's list, AWS multipart ETags.
/// </summary>
public sealed class RgwStoreDrills : IDisposable
{
    private static readonly DateOnly Day1 = new(2024, 5, 1);

    /// <summary>Small parts so that a few MiB make a multipart upload of several parts.</summary>
    private static readonly string[] Multipart = ["--multipart-threshold", "5MiB", "--multipart-part-size", "5MiB"];

    private readonly ArchiveArgs _args = new() { Server = S3Server.Rgw };

    public void Dispose() => _args.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TempFileCorruptedOnceAfterHashing_Refused_UnitReExtracted_ObjectExact(bool multipart)
    {
        var table = await DrillTable.CreateAsync("bd");
        await table.AddDayAsync(Day1, multipart ? 35_000 : 2_000, multipart ? DrillTable.DenseBody : DrillTable.SmallBody);
        var key = table.Key(Day1);
        CorruptingStore? corrupting = null;
        string[] extra = multipart ? [.. Multipart, "--db-max-retries", "2"] : ["--db-max-retries", "2"];

        var result = await CliRunner.RunAsync(_args.ToS3(table.Name, table.Prefix, "2024-05-01", "2024-05-01", extra), _args.Environment,
            decorateStore: store => corrupting = new CorruptingStore(store, times: 1));

        Assert.True(result.ExitCode == 0, result.Describe());
        Summary.AssertSays(result, "archived 1, skipped 0, empty 0, failed 0");
        // A single PUT is refused by the server (Content-MD5); a multipart upload by the store's own check before sending.
        Assert.Contains($"{table.Partition(Day1)}: attempt 1 failed", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(multipart ? "now has MD5" : "400 BadDigest", result.Stderr, StringComparison.Ordinal);
        Assert.NotNull(corrupting);
        Assert.Equal(2, corrupting.Sources.Count);
        Assert.NotEqual(corrupting.Sources[0], corrupting.Sources[1]); // the retry wrote a new temp file from the database
        using var s3 = S3TestClient.Create(S3Server.Rgw);
        await ArchivedObject.AssertExactAsync(s3, key, table.Partition(Day1), S3Server.Rgw, multipart ? 5 << 20 : null);
        Assert.Empty(await S3TestClient.PendingUploadsAsync(s3, S3Server.Rgw.Bucket, table.Prefix + "/"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_args.TempDirectory));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TempFileCorruptedEveryTime_FailedAfterTheLastRetry_NothingAtTheKey(bool multipart)
    {
        var table = await DrillTable.CreateAsync("ba");
        await table.AddDayAsync(Day1, multipart ? 35_000 : 2_000, multipart ? DrillTable.DenseBody : DrillTable.SmallBody);
        var key = table.Key(Day1);
        CorruptingStore? corrupting = null;
        string[] extra = multipart ? [.. Multipart, "--db-max-retries", "2"] : ["--db-max-retries", "2"];

        var result = await CliRunner.RunAsync(_args.ToS3(table.Name, table.Prefix, "2024-05-01", "2024-05-01", extra), _args.Environment,
            decorateStore: store => corrupting = new CorruptingStore(store, times: int.MaxValue));

        Assert.True(result.ExitCode == 1, result.Describe());
        Summary.AssertSays(result, "archived 0, skipped 0, empty 0, failed 1");
        // Two retries, then the third attempt's failure is the unit's.
        Assert.Contains($"{table.Partition(Day1)}: attempt 1 failed", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{table.Partition(Day1)}: attempt 2 failed", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("attempt 3 failed", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{table.Partition(Day1)}: failed: ", result.Stderr, StringComparison.Ordinal);
        Assert.NotNull(corrupting);
        Assert.Equal(3, corrupting.Sources.Distinct().Count());
        Assert.Contains(multipart ? "now has MD5" : "BadDigest", StateFile.LastError(_args.StateDirectory, key), StringComparison.Ordinal);
        using var s3 = S3TestClient.Create(S3Server.Rgw);
        Assert.Empty(await ArchivedObject.KeysAsync(s3, table.Prefix, S3Server.Rgw));
        Assert.Empty(await S3TestClient.PendingUploadsAsync(s3, S3Server.Rgw.Bucket, table.Prefix + "/"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_args.TempDirectory));
    }

    [Fact]
    public async Task MultipartUpload_AwsETagVerified_RecordedAndSkippedNextTime()
    {
        var table = await DrillTable.CreateAsync("ae");
        await table.AddDayAsync(Day1, 35_000, DrillTable.DenseBody); // about 6.5 MiB: two parts
        var key = table.Key(Day1);
        var args = _args.ToS3(table.Name, table.Prefix, "2024-05-01", "2024-05-01", Multipart);

        var first = await CliRunner.RunAsync(args, _args.Environment);

        Assert.True(first.ExitCode == 0, first.Describe());
        Summary.AssertSays(first, "archived 1, skipped 0, empty 0, failed 0");
        using var s3 = S3TestClient.Create(S3Server.Rgw);
        var bytes = await S3TestClient.DownloadAsync(s3, key, S3Server.Rgw.Bucket);
        var awsETag = AwsETagProxy.MultipartETag(bytes, 5 << 20);
        Assert.EndsWith("-2", awsETag, StringComparison.Ordinal);
        var record = StateFile.Objects(_args.StateDirectory)[key]!;
        Assert.Equal(awsETag, (string?)record["e_tag"]);
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(bytes)), (string?)record["md5"]);
        await ArchivedObject.AssertExactAsync(s3, key, table.Partition(Day1), S3Server.Rgw, 5 << 20);

        var second = await CliRunner.RunAsync(args, _args.Environment);

        Assert.True(second.ExitCode == 0, second.Describe());
        Summary.AssertSays(second, "archived 0, skipped 1, empty 0, failed 0");
    }

    [Fact]
    public async Task StoreDownMidMultipartUpload_UnitRetried_ObjectExact_NoUploadLeftOnTheServer()
    {
        var table = await DrillTable.CreateAsync("ro");
        await table.AddDayAsync(Day1, 40_000, DrillTable.DenseBody); // about 7.5 MiB: parts of 5 and 2.5 MiB
        var key = table.Key(Day1);
        using var proxy = OutageProxy.Start(S3Server.Rgw.Endpoint, downAfterBytes: 4 << 20);
        _args.S3Endpoint = proxy.Endpoint;
        var run = CliRunner.RunAsync(_args.ToS3(table.Name, table.Prefix, "2024-05-01", "2024-05-01", [.. Multipart, "--db-max-retries", "10"]),
            _args.Environment);

        await RunGuard.WaitWhileRunningAsync(run, proxy.WentDown);
        await RunGuard.WaitWhileRunningAsync(run,
            Poll.UntilAsync(() => StateFile.LastError(_args.StateDirectory, key) is not null, "the first attempt to be recorded as failed"));
        using var s3 = S3TestClient.Create(S3Server.Rgw);
        // The broken upload is still open on the server: its abort could not get through.
        Assert.Single(await S3TestClient.PendingUploadsAsync(s3, S3Server.Rgw.Bucket, key));
        proxy.ComeBack();
        var result = await run;

        Assert.True(result.ExitCode == 0, result.Describe());
        Summary.AssertSays(result, "archived 1, skipped 0, empty 0, failed 0");
        Assert.Contains("will try again before this key is uploaded again", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(await S3TestClient.PendingUploadsAsync(s3, S3Server.Rgw.Bucket, key));
        await ArchivedObject.AssertExactAsync(s3, key, table.Partition(Day1), S3Server.Rgw, 5 << 20);
    }
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task HeadRightAfterUploadStale_NeverReportedArchivedUnverified(bool staleForGood)
    {
        var table = await DrillTable.CreateAsync(staleForGood ? "sg" : "sh");
        await table.AddDayAsync(Day1, 2_000);
        var key = table.Key(Day1);
        var bucket = S3Server.Rgw.Bucket;
        var gate = new Lock();
        var put = false;
        var staleAnswers = 0;
        // A store that is slow to show a new object: HEAD answers "absent" right after the PUT (once, or for good).
        await using var proxy = new HttpGateProxy(S3Server.Rgw.Endpoint, answer: line =>
        {
            lock (gate)
            {
                if (line.StartsWith($"PUT /{bucket}/{key} ", StringComparison.Ordinal))
                    put = true;
                else if (line.StartsWith($"HEAD /{bucket}/{key} ", StringComparison.Ordinal) && put && (staleForGood || staleAnswers == 0))
                {
                    staleAnswers++;
                    return "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
                }
                return null;
            }
        });
        _args.S3Endpoint = proxy.Endpoint;

        var result = await CliRunner.RunAsync(_args.ToS3(table.Name, table.Prefix, "2024-05-01", "2024-05-01", "--db-max-retries", "1"), _args.Environment);

        Assert.Contains($"{table.Partition(Day1)}: attempt 1 failed ({key} is missing right after its upload)", result.Stderr, StringComparison.Ordinal);
        using var s3 = S3TestClient.Create(S3Server.Rgw);
        if (staleForGood)
        {
            Assert.True(result.ExitCode == 1, result.Describe());
            Summary.AssertSays(result, "archived 0, skipped 0, empty 0, failed 1");
            Assert.Matches($@"{table.Partition(Day1)}: failed: .*{System.Text.RegularExpressions.Regex.Escape(key)} is missing right after its upload", result.Stderr);
            Assert.DoesNotContain(key, StateFile.StoredKeys(_args.StateDirectory));
            Assert.Equal(3, staleAnswers); // after the first PUT; before the retry's PUT; after it
        }
        else
        {
            // The retry finds the object, checks it against a fresh extraction and records it as this run's work.
            Assert.True(result.ExitCode == 0, result.Describe());
            Summary.AssertSays(result, "archived 1, skipped 0, empty 0, failed 0");
            Assert.Equal(1, staleAnswers);
            Assert.Contains(key, StateFile.StoredKeys(_args.StateDirectory));
            await ArchivedObject.AssertExactAsync(s3, key, table.Partition(Day1), S3Server.Rgw);
        }
    }
}
