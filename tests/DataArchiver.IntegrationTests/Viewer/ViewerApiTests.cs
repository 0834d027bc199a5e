using System.Net;
using System.Text.Json.Nodes;
using DataArchiver.Cli.Output;
using DataArchiver.Core.Planning;
using DataArchiver.Core.Progress;
using DataArchiver.Core.State;

namespace DataArchiver.IntegrationTests.Viewer;

/// <summary>The viewer's HTTP API on a real Kestrel: shapes of the Go tool, field by field, from real state and status files.</summary>
public sealed class ViewerApiTests
{
    private static readonly DateTimeOffset Stored = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public async Task Cache_StateFileRecords_GoToolFieldsAndOurs()
    {
        await using var viewer = await ViewerFixture.StartAsync();
        var state = viewer.OpenState();
        var one = ViewerFixture.Unit(1);
        state.Set(one.Key, new ObjectRecord
        {
            Size = 1234, Md5 = "0123456789abcdef0123456789abcdef", ETag = "\"feedface-3\"", Rows = 500, UploadedAt = Stored,
            RowsFrom = one.RowsFrom, RowsTo = one.RowsTo, Source = one.Source.ToString(), UncompressedSize = 9876,
        });
        state.Set(ViewerFixture.Unit(2).Key, new ObjectRecord { Empty = true, UploadedAt = Stored });
        state.Set(ViewerFixture.Unit(3).Key, new ObjectRecord { LastError = "connection refused\nsecond line" });

        var cache = await viewer.GetJsonAsync("/api/cache");

        Assert.True(DateTimeOffset.TryParse((string)cache["timestamp"]!, System.Globalization.CultureInfo.InvariantCulture, out _));
        var table = Assert.Single(cache["tables"]!.AsArray())!;
        Assert.Equal("public.events", (string)table["tableName"]!);
        Assert.Equal("s3://bucket", (string)table["destination"]!);
        var entries = table["entries"]!.AsArray().ToDictionary(e => (string)e!["s3Key"]!, e => e!);
        Assert.Equal(3, entries.Count);

        var uploaded = entries[one.Key];
        Assert.Equal("public.events", (string)uploaded["table"]!);
        Assert.Equal("public.events_20240101", (string)uploaded["partition"]!);
        Assert.Equal(500, (long)uploaded["rowCount"]!);
        Assert.Equal(1234, (long)uploaded["fileSize"]!);
        Assert.Equal(9876, (long)uploaded["uncompressedSize"]!);
        Assert.Equal("0123456789abcdef0123456789abcdef", (string)uploaded["fileMD5"]!);
        Assert.Equal("feedface-3", (string)uploaded["multipartETag"]!);
        Assert.True((bool)uploaded["s3Uploaded"]!);
        Assert.Equal(Stored, DateTimeOffset.Parse((string)uploaded["s3UploadTime"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Stored, DateTimeOffset.Parse((string)uploaded["fileTime"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(uploaded["lastError"]);
        Assert.Equal("uploaded", (string)uploaded["state"]!);
        Assert.Equal(one.RowsFrom, DateTimeOffset.Parse((string)uploaded["rowsFrom"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(one.RowsTo, DateTimeOffset.Parse((string)uploaded["rowsTo"]!, System.Globalization.CultureInfo.InvariantCulture));
        foreach (var field in new[] { "countTime", "errorTime", "processStartTime" })
            Assert.True(uploaded.AsObject().ContainsKey(field), field);

        var empty = entries[ViewerFixture.Unit(2).Key];
        Assert.Equal("empty", (string)empty["state"]!);
        Assert.False((bool)empty["s3Uploaded"]!);
        Assert.Null(empty["uncompressedSize"]); // not known: null, never a made-up number
        Assert.Equal("events-2024-01-02", (string)empty["partition"]!); // an old record without its source: the file name
        Assert.False(empty.AsObject().ContainsKey("multipartETag"));

        var failed = entries[ViewerFixture.Unit(3).Key];
        Assert.Equal("failed", (string)failed["state"]!);
        Assert.Equal("connection refused\nsecond line", (string)failed["lastError"]!);
    }

    [Fact]
    public async Task Status_NoRun_NotRunningWithVersionAndNoPid()
    {
        await using var viewer = await ViewerFixture.StartAsync();

        var status = await viewer.GetJsonAsync("/api/status");

        Assert.False((bool)status["archiverRunning"]!);
        Assert.False(status.AsObject().ContainsKey("pid"));
        Assert.False(status.AsObject().ContainsKey("currentTask"));
        Assert.Equal("9.9.9", (string)status["version"]!);
        Assert.False((bool)status["updateAvailable"]!);
        Assert.False((bool)status["isSlicing"]!);
        Assert.Empty(status["runs"]!.AsArray());
    }

    [Fact]
    public async Task Status_RunningStatusFile_CurrentTaskInGoShapeAndRunsWithWorkers()
    {
        await using var viewer = await ViewerFixture.StartAsync();
        var unit = ViewerFixture.Unit(1);
        // The status file as a run writes it (this test process plays the running archiver).
        using var files = new StatusFiles(viewer.StateDirectory, new RelationName("public", "events"), new DateOnly(2024, 1, 1),
            new DateOnly(2024, 1, 3), TimeProvider.System, _ => { });
        files.PlanReady(new ArchivePlan([unit, ViewerFixture.Unit(2)], [], 0));
        files.UnitStarted(unit);
        files.StageChanged(unit, UnitStage.Extracting);
        files.RowsExpected(unit, 900, estimated: false);

        var status = await viewer.GetJsonAsync("/api/status");

        Assert.True((bool)status["archiverRunning"]!);
        Assert.Equal(Environment.ProcessId, (int)status["pid"]!);
        var task = status["currentTask"]!;
        Assert.Equal(Environment.ProcessId, (int)task["pid"]!);
        Assert.Equal("public.events", (string)task["table"]!);
        Assert.Equal("2024-01-01", (string)task["start_date"]!);
        Assert.Equal("2024-01-03", (string)task["end_date"]!);
        Assert.Equal("archiving public.events", (string)task["current_task"]!);
        Assert.Equal("public.events_20240101", (string)task["current_partition"]!);
        Assert.Equal("extracting", (string)task["current_step"]!);
        Assert.Equal(0.0, (double)task["progress"]!);
        Assert.Equal(2, (int)task["total_items"]!);
        Assert.Equal(0, (int)task["completed_items"]!);
        Assert.True(DateTimeOffset.TryParse((string)task["start_time"]!, System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.True(DateTimeOffset.TryParse((string)task["last_update"]!, System.Globalization.CultureInfo.InvariantCulture, out _));
        var run = Assert.Single(status["runs"]!.AsArray())!;
        Assert.True((bool)run["running"]!);
        Assert.False((bool)run["live"]!);
        Assert.Equal(2, (int)run["unitsTotal"]!);
        var worker = Assert.Single(run["workers"]!.AsArray())!;
        Assert.Equal(unit.Key, (string)worker["key"]!);
        Assert.Equal("extracting", (string)worker["stage"]!);
        Assert.Equal(900, (long)worker["expectedRows"]!);

        var cache = await viewer.GetJsonAsync("/api/cache");
        var entry = Assert.Single(cache["tables"]![0]!["entries"]!.AsArray())!;
        Assert.Equal("running", (string)entry["state"]!);
        Assert.Equal(unit.Key, (string)entry["s3Key"]!);
    }

    [Fact]
    public async Task LiveRun_EventsShowInStatusCacheAndMetrics()
    {
        await using var viewer = await ViewerFixture.StartAsync(live: true);
        var progress = viewer.Run!.Progress;
        var (one, two) = (ViewerFixture.Unit(1), ViewerFixture.Unit(2));
        progress.PlanReady(new ArchivePlan([one, two], [], 0));
        progress.UnitStarted(one);
        progress.StageChanged(one, UnitStage.Extracting);
        progress.RowsDone(one, 300, 40);
        progress.UnitStarted(two);
        progress.Retrying(two, 1, TimeSpan.Zero, new IOException("boom"));
        progress.UnitFinished(ViewerFixture.Result(two, UnitOutcome.Skipped, 7));

        var status = await viewer.GetJsonAsync("/api/status");
        var run = Assert.Single(status["runs"]!.AsArray())!;
        Assert.True((bool)run["live"]!);
        Assert.Equal(1, (int)run["unitsDone"]!);
        Assert.Equal(1, (int)run["unitsSkipped"]!);
        Assert.Equal(1, (int)run["retries"]!);
        var worker = Assert.Single(run["workers"]!.AsArray())!;
        Assert.Equal(300, (long)worker["rows"]!);
        Assert.Equal(40, (long)worker["bytesOut"]!);
        Assert.Equal(50.0, (double)status["currentTask"]!["progress"]!);

        using var response = await viewer.Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain; version=0.0.4", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var metrics = await response.Content.ReadAsStringAsync();
        Assert.Contains("data_archiver_units_total{outcome=\"skipped\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("data_archiver_rows_total 7", metrics, StringComparison.Ordinal);
        Assert.Contains("data_archiver_bytes_in_total 700", metrics, StringComparison.Ordinal);
        Assert.Contains("data_archiver_bytes_out_total 70", metrics, StringComparison.Ordinal);
        Assert.Contains("data_archiver_retries_total 1", metrics, StringComparison.Ordinal);
        Assert.Contains("data_archiver_run_units_planned 2", metrics, StringComparison.Ordinal);
        Assert.Contains("data_archiver_run_units_active 1", metrics, StringComparison.Ordinal);
        Assert.Contains("data_archiver_run_progress_ratio 0.5", metrics, StringComparison.Ordinal);
        Assert.Contains("data_archiver_stage_duration_seconds_count{stage=\"started\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("# TYPE data_archiver_stage_duration_seconds histogram", metrics, StringComparison.Ordinal);
    }
}
