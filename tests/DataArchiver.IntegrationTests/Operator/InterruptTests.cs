using System.Diagnostics;
using System.Text.Json.Nodes;
using DataArchiver.IntegrationTests.Storage;
using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Operator;

/// <summary>
/// SIGINT, SIGTERM and SIGHUP sent to the published executable while work is deterministically in flight (a COPY waiting on
/// a lock the test holds, a multipart part held by a proxy, a database that never answers): the run stops within two
/// seconds, cleans up, prints its summary and exits 130; a second SIGINT ends it at once; a rerun finishes the job.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class InterruptTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopWithin = TimeSpan.FromSeconds(2);
    private readonly ArchiveArgs _args = new();

    public void Dispose() => _args.Dispose();

    [Fact]
    public async Task SigInt_WhileCopiesWaitOnLocks_StopsWithin2s_StatementsCancelled_CleanState_RerunCompletes()
    {
        var t = TestServices.UniqueName("si");
        var prefix = TestServices.UniqueName("si");
        var children = await DayTables.CreateAsync(t, days: 6, rowsEach: 1000);
        var args = _args.ToS3(t, prefix, "2024-01-01", DayTables.LastDay(6), "--workers", "2", "--skip-count");
        await using var watcher = await Db.OpenAsync();

        await using (var locks = await DayTables.LockAsync(children[2..]))
        {
            using var run = await PublishedCli.StartAsync(args, _args.Environment);
            // The first two days are archived; the next two COPYs wait behind the locks.
            await StatusFile.WaitForAsync(_args.StateDirectory, s => (int)s["units_done"]! == 2, Patience);
            var waiting = await PgActivity.WaitForCopiesAsync(watcher, t, c => c.Count(s => s.WaitEventType == "Lock") == 2, Patience);

            await AssertStopsWithinAsync(run, "INT", StopWithin);

            // While the locks are still held: a COPY that was only abandoned would still be waiting on the server.
            var left = await PgActivity.WaitUntilGoneAsync(watcher, t, TimeSpan.FromSeconds(5));
            Assert.True(left.Count == 0, "sessions left: " + string.Join("; ", left.Select(s => $"{s.Pid} {s.State} {s.WaitEventType} {s.Query}")));
            Assert.DoesNotContain(waiting.Select(w => w.Pid), pid => left.Any(s => s.Pid == pid));

            Assert.Contains("Summary (interrupted):", run.Stdout, StringComparison.Ordinal);
            Assert.Contains("archived 2, skipped 0, empty 0, failed 0, not finished 4 of 6", run.Stdout, StringComparison.Ordinal);
            Assert.Contains("rows 2,000;", run.Stdout, StringComparison.Ordinal);
            Assert.Contains("wall time", run.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("failed:", run.Stderr, StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFileSystemEntries(_args.TempDirectory));
            StatusFile.AssertRemoved(_args.StateDirectory);
            await AssertStateConsistentAsync(expectedRecords: 2);
        }

        var rerun = await CliRunner.RunAsync(args, _args.Environment);
        Assert.True(rerun.ExitCode == 0, rerun.Describe());
        Assert.Contains("archived 4, skipped 2, empty 0, failed 0", rerun.Stdout, StringComparison.Ordinal);
        using var s3 = S3TestClient.Create();
        for (var day = 0; day < children.Length; day++)
            await ArchivedObjects.AssertJsonLinesAsync(s3, ArchivedObjects.Key(prefix, t, day, ".jsonl.zst"), children[day]);
        await AssertStateConsistentAsync(expectedRecords: 6);
    }

    [Fact]
    public async Task SigInt_WhileRowsStreamIn_StopsWithin2s_WithoutReadingOnToTheEnd()
    {
        var t = TestServices.UniqueName("ss");
        var prefix = TestServices.UniqueName("ss");
        await DayTables.CreateAsync(t, days: 2, rowsEach: 150_000, nameSql: "repeat(md5(g::text), 3)");
        var args = _args.ToS3(t, prefix, "2024-01-01", DayTables.LastDay(2), "--workers", "2", "--skip-count", "--output-format", "csv",
            // zstd at level 12 compresses far slower than the server sends CSV: the tool is the slower side, whatever the build.
            "--compression-level", "12");
        await using var watcher = await Db.OpenAsync();

        using var run = await PublishedCli.StartAsync(args, _args.Environment);
        // The server waits for the tool to take more rows: the COPY is streaming, and the tool is the slower side.
        await PgActivity.WaitForCopiesAsync(watcher, t, c => c.Any(s => s.WaitEventType == "Client"), Patience);

        await AssertStopsWithinAsync(run, "INT", StopWithin);
        Assert.Contains("Summary (interrupted):", run.Stdout, StringComparison.Ordinal);
        var left = await PgActivity.WaitUntilGoneAsync(watcher, t, TimeSpan.FromSeconds(5));
        Assert.True(left.Count == 0, "sessions left: " + string.Join("; ", left.Select(s => $"{s.Pid} {s.State} {s.WaitEventType}")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_args.TempDirectory));
        StatusFile.AssertRemoved(_args.StateDirectory);
    }

    [Theory]
    [MemberData(nameof(S3Server.Names), MemberType = typeof(S3Server))]
    public async Task SigTerm_WhileMultipartPartsAreInFlight_AbortsTheUploadAndStopsWithin2s_RerunCompletes(string serverName)
    {
        var server = S3Server.Named(serverName);
        _args.Server = server;
        var t = TestServices.UniqueName("st");
        var prefix = TestServices.UniqueName("st");
        // About 7.5 MB of CSV per day: two 5 MiB parts each.
        var children = await DayTables.CreateAsync(t, days: 2, rowsEach: 80_000, nameSql: "repeat(md5(g::text), 2)");
        await using var proxy = new HttpGateProxy(server.Endpoint, hold: line => line.Contains("partNumber=", StringComparison.Ordinal));
        _args.S3Endpoint = proxy.Endpoint;
        var args = _args.ToS3(t, prefix, "2024-01-01", DayTables.LastDay(2), "--workers", "2", "--output-format", "csv", "--compression", "none",
            "--multipart-threshold", "5MiB", "--multipart-part-size", "5MiB", "--db-max-retries", "0");

        using var run = await PublishedCli.StartAsync(args, _args.Environment);
        var held = await proxy.NextHeldAsync().WaitAsync(Patience);
        var key = KeyOf(held);
        await StatusFile.WaitForAsync(_args.StateDirectory, s => StatusFile.Current(s).Any(u => u.Stage == "uploading"), Patience);

        await AssertStopsWithinAsync(run, "TERM", StopWithin);

        using var s3 = S3TestClient.Create(server);
        if (server.IsRgw)
        {
            // RGW carries the abort out: the server lists no upload of the key any more.
            Assert.Empty(await S3TestClient.PendingUploadsAsync(s3, server.Bucket, key));
        }
        else
        {
            // s3rver refuses aborts, but its log shows the request arrived.
            var abort = await S3ServerLog.FindRequestAsync(line => S3ServerLog.IsAbortOf(line, server.Bucket, key), TimeSpan.FromSeconds(5));
            Assert.True(abort is not null, $"no AbortMultipartUpload of {key} in the S3 server's log\n{run.Describe()}");
        }
        Assert.Contains("Summary (interrupted):", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("not finished 2 of 2", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_args.TempDirectory));
        StatusFile.AssertRemoved(_args.StateDirectory);
        await AssertStateConsistentAsync(expectedRecords: 0);
        Assert.Empty(await S3TestClient.ListAsync(s3, prefix + "/", server.Bucket));

        _args.S3Endpoint = server.Endpoint;
        var rerun = await CliRunner.RunAsync(_args.ToS3(t, prefix, "2024-01-01", DayTables.LastDay(2), "--workers", "2", "--output-format", "csv",
            "--compression", "none", "--multipart-threshold", "5MiB", "--multipart-part-size", "5MiB"), _args.Environment);
        Assert.True(rerun.ExitCode == 0, rerun.Describe());
        for (var day = 0; day < children.Length; day++)
            await ArchivedObjects.AssertCsvAsync(s3, ArchivedObjects.Key(prefix, t, day, ".csv"), children[day], server.Bucket);
    }

    [Fact]
    public async Task SecondSigInt_WhileTheOrderlyStopWaitsForTheStore_EndsTheProcessAtOnce()
    {
        var t = TestServices.UniqueName("s2");
        var prefix = TestServices.UniqueName("s2");
        await DayTables.CreateAsync(t, days: 1, rowsEach: 80_000, nameSql: "repeat(md5(g::text), 2)");
        // Holds the parts, and then the abort the first SIGINT triggers: the orderly stop is stuck waiting for the store.
        await using var proxy = new HttpGateProxy(TestServices.S3Endpoint, hold: line =>
            line.Contains("partNumber=", StringComparison.Ordinal) || (line.StartsWith("DELETE ", StringComparison.Ordinal) && line.Contains("uploadId=", StringComparison.Ordinal)));
        _args.S3Endpoint = proxy.Endpoint;
        var args = _args.ToS3(t, prefix, "2024-01-01", DayTables.LastDay(1), "--output-format", "csv", "--compression", "none",
            "--multipart-threshold", "5MiB", "--multipart-part-size", "5MiB");

        using var run = await PublishedCli.StartAsync(args, _args.Environment);
        await proxy.NextHeldAsync().WaitAsync(Patience);
        await StatusFile.WaitForAsync(_args.StateDirectory, s => StatusFile.Current(s).Any(u => u.Stage == "uploading"), Patience);
        run.Signal("INT");
        await WaitUntilAsync(() => proxy.Held.Any(l => l.StartsWith("DELETE ", StringComparison.Ordinal)), Patience);

        // Ended by the signal itself (128 + 2 = 130), before the orderly stop could print its summary.
        await AssertStopsWithinAsync(run, "INT", TimeSpan.FromSeconds(1));
        Assert.DoesNotContain("Summary", run.Stdout, StringComparison.Ordinal);
        // The last-resort cleanup still ran.
        StatusFile.AssertRemoved(_args.StateDirectory);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_args.TempDirectory));
    }

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    [InlineData("HUP")]
    public async Task Signal_WhileConnectingToTheDatabaseDuringPlanning_Exits130WithSummaryWithin2s(string signal)
    {
        using var silent = new SilentServer();
        var target = Path.Combine(_args.Root, "out");
        string[] args =
        [
            "archive", "--db-host", "127.0.0.1", "--db-port", silent.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--db-user", TestServices.PgUser, "--db-name", TestServices.PgDatabase, "--local-dir", target, "--table", "never_answered",
            "--path-template", "x/{table}", "--start-date", "2024-01-01", "--end-date", "2024-01-02", "--state-dir", _args.StateDirectory,
            "--temp-dir", _args.TempDirectory,
        ];

        using var run = await PublishedCli.StartAsync(args, _args.Environment);
        // The tool has sent its startup message and waits for an answer that never comes.
        await silent.ClientSpoke.WaitAsync(Patience);
        await AssertStopsWithinAsync(run, signal, StopWithin);
        Assert.Contains("Summary (interrupted):", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("archived 0, skipped 0, empty 0, failed 0", run.Stdout, StringComparison.Ordinal);
        StatusFile.AssertRemoved(_args.StateDirectory);
    }

    /// <summary>Sends <paramref name="signal"/> and asserts that the process ends with 130 before <paramref name="within"/> has passed.</summary>
    private static async Task AssertStopsWithinAsync(CliProcess run, string signal, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        run.Signal(signal);
        var exited = await run.WaitForExitAsync(within);
        var stoppedAfter = clock.Elapsed;
        Assert.True(exited, $"still running {within.TotalSeconds} s after SIG{signal}\n{run.Describe()}");
        Assert.True(stoppedAfter < within, $"stopped {stoppedAfter.TotalSeconds:F2} s after SIG{signal}");
        Assert.True(run.ExitCode == 130, run.Describe());
    }

    /// <summary>The state file parses, and each of its object records matches what the bucket holds.</summary>
    private async Task AssertStateConsistentAsync(int expectedRecords)
    {
        var files = Directory.GetFiles(_args.StateDirectory, "archive-*.json");
        if (expectedRecords == 0 && files.Length == 0)
            return;
        var file = Assert.Single(files);
        var state = JsonNode.Parse(await File.ReadAllTextAsync(file))!.AsObject();
        var objects = state["objects"]!.AsObject();
        Assert.Equal(expectedRecords, objects.Count);
        using var s3 = S3TestClient.Create();
        foreach (var (key, record) in objects)
        {
            Assert.Null(record!["last_error"]);
            var head = await s3.GetObjectMetadataAsync(TestServices.S3Bucket, key);
            Assert.Equal((long)record["size"]!, head.ContentLength);
            Assert.Equal((string)record["md5"]!, head.Metadata["x-amz-meta-md5"]);
        }
    }

    /// <summary>The object key of a request line like <c>PUT /bucket/key?partNumber=1&amp;uploadId=… HTTP/1.1</c>.</summary>
    private static string KeyOf(string requestLine)
    {
        var path = requestLine.Split(' ')[1];
        var bare = path[..path.IndexOf('?', StringComparison.Ordinal)];
        return Uri.UnescapeDataString(bare[(TestServices.S3Bucket.Length + 2)..]);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > within)
                throw new TimeoutException($"condition not met within {within.TotalSeconds} s");
            await Task.Delay(20);
        }
    }
}
