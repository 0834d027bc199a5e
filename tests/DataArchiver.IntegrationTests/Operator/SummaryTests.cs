using System.Text.RegularExpressions;
using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Operator;

/// <summary>The summary that closes a run with an archived, an empty and a failed unit, and the exit code that goes with it.</summary>
public sealed partial class SummaryTests : IDisposable
{
    private readonly ArchiveArgs _args = new();

    public void Dispose() => _args.Dispose();

    [Fact]
    public async Task Summary_ArchivedEmptyAndFailedUnits_CountsTheReasonVolumesRatioThroughputAndWallTime_Exit1()
    {
        var t = TestServices.UniqueName("sm");
        var prefix = TestServices.UniqueName("sm");
        var children = await DayTables.CreateAsync(t, days: 4, rowsEach: 1000);
        await Db.ExecuteAsync($"TRUNCATE {children[2]}");
        var refused = ArchivedObjects.Key(prefix, t, 1, ".jsonl.zst");
        // The store refuses the second day's upload: a permanent failure of that unit alone.
        await using var proxy = new HttpGateProxy(TestServices.S3Endpoint, answer: line =>
            line.StartsWith($"PUT /{TestServices.S3Bucket}/{refused} ", StringComparison.Ordinal)
                ? HttpGateProxy.ErrorResponse(403, "Forbidden", "AccessDenied")
                : null);
        _args.S3Endpoint = proxy.Endpoint;

        var run = await CliRunner.RunAsync(_args.ToS3(t, prefix, "2024-01-01", DayTables.LastDay(4)), _args.Environment);

        Assert.True(run.ExitCode == 1, run.Describe());
        var lines = run.Stdout.Split('\n').Where(l => l.Length > 0).ToList();
        Assert.Equal("Summary:", lines[0]);
        Assert.Equal("  archived 2, skipped 0, empty 1, failed 1", lines[1]);
        Assert.StartsWith($"  failed: public.{children[1]} → {refused}: ", lines[2], StringComparison.Ordinal);
        Assert.Contains("403", lines[2], StringComparison.Ordinal);
        Assert.Matches(Volumes(), lines[3]);
        Assert.Matches(Throughput(), lines[4]);
        Assert.Equal(5, lines.Count);
        Assert.Contains($"public.{children[1]}: failed:", run.Stderr, StringComparison.Ordinal);
        StatusFile.AssertRemoved(_args.StateDirectory);
    }

    [Fact]
    public async Task StatusFiles_RunEndingInAnError_AreRemoved()
    {
        var run = await CliRunner.RunAsync(_args.ToS3(TestServices.UniqueName("nothere"), "x", "2024-01-01", "2024-01-01"), _args.Environment);

        Assert.True(run.ExitCode == 2, run.Describe());
        Assert.True(Directory.Exists(_args.StateDirectory));
        StatusFile.AssertRemoved(_args.StateDirectory);
    }

    [GeneratedRegex(@"^  rows 2,000; bytes \d+(\.\d)? (B|KiB|MiB) → \d+(\.\d)? (B|KiB|MiB) \(ratio \d+\.\d\d\)$")]
    private static partial Regex Volumes();

    [GeneratedRegex(@"^  throughput [\d,]+ rows/s, \d+(\.\d)? (B|KiB|MiB|GiB)/s; wall time \d+\.\d s$")]
    private static partial Regex Throughput();
}
