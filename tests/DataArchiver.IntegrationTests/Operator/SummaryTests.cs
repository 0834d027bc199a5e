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

    [Fact]
    public async Task Summary_Parquet_ComparesTheFileWithTheBytesTheDatabaseSent()
    {
        var t = TestServices.UniqueName("sq");
        var prefix = TestServices.UniqueName("sq");
        // 1,000 rows of 200 repeated characters each: Parquet's own compression shrinks them a lot.
        var children = await DayTables.CreateAsync(t, days: 1, rowsEach: 1000, nameSql: "repeat('ab', 100)");

        var run = await CliRunner.RunAsync(_args.ToS3(t, prefix, "2024-01-01", DayTables.LastDay(1), "--output-format", "parquet"),
            _args.Environment);

        Assert.True(run.ExitCode == 0, run.Describe());
        var match = ParquetVolumes().Match(run.Stdout);
        Assert.True(match.Success, run.Describe());
        var bytesIn = Kib(match.Groups[1].Value, match.Groups[2].Value);
        var bytesOut = Kib(match.Groups[3].Value, match.Groups[4].Value);
        // What the database sent holds at least every character of every row; the file is far smaller.
        var text = await Db.ScalarAsync($"SELECT sum(octet_length(t::text)) FROM {children[0]} t") / 1024.0;
        Assert.InRange(bytesIn, text * 0.9, text * 2);
        Assert.True(bytesOut < bytesIn / 4, run.Stdout);
        Assert.NotEqual("1.00", match.Groups[5].Value);
    }

    private static double Kib(string number, string unit) =>
        double.Parse(number, System.Globalization.CultureInfo.InvariantCulture) * (unit switch { "B" => 1.0 / 1024, "KiB" => 1, _ => 1024 });

    [GeneratedRegex(@"rows 1,000; bytes (\d+(?:\.\d)?) (B|KiB|MiB) → (\d+(?:\.\d)?) (B|KiB|MiB) \(ratio (\d+\.\d\d)\)")]
    private static partial Regex ParquetVolumes();

    [GeneratedRegex(@"^  rows 2,000; bytes \d+(\.\d)? (B|KiB|MiB) → \d+(\.\d)? (B|KiB|MiB) \(ratio \d+\.\d\d\)$")]
    private static partial Regex Volumes();

    [GeneratedRegex(@"^  throughput [\d,]+ rows/s, \d+(\.\d)? (B|KiB|MiB|GiB)/s; wall time \d+\.\d s$")]
    private static partial Regex Throughput();
}
