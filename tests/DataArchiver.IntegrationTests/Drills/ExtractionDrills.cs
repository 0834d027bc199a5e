using System.Text.RegularExpressions;
using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Drills;

/// <summary>Fault drills on the database side: the extracting backend is terminated or times out in the middle of a COPY.</summary>
public sealed partial class ExtractionDrills : IDisposable
{
    private static readonly DateOnly Day1 = new(2024, 3, 1);
    private static readonly DateOnly Day2 = new(2024, 3, 2);
    private static readonly DateOnly Day3 = new(2024, 3, 3);

    private readonly ArchiveArgs _args = new();

    public void Dispose() => _args.Dispose();

    [Fact]
    public async Task BackendTerminatedMidStream_UnitRetried_ObjectCompleteAndExact()
    {
        var gate = await ReadGate.CreateAsync(TestServices.UniqueName("gk"), stalls: 1);
        var table = await DrillTable.CreateAsync("kb", gate);
        await table.AddDayAsync(Day1, 20_000, gateRow: 15_000);
        await table.AddDayAsync(Day2, 500);

        var run = CliRunner.RunAsync(_args.ToS3(table.Name, table.Prefix, "2024-03-01", "2024-03-02", "--chunk-size", "1000", "--debug"),
            _args.Environment);
        var pid = await RunGuard.WaitWhileRunningAsync(run, gate.WaitForStalledCopyAsync(table.Partition(Day1)));
        Assert.True(await ReadGate.TerminateAsync(pid), "the stalled backend was gone before it could be terminated");
        var result = await run;

        Assert.True(result.ExitCode == 0, result.Describe());
        var partition = $"public.{table.Partition(Day1)}";
        var lines = result.Stderr.Split('\n');
        var failed = Array.FindIndex(lines, l => l.Contains($"{partition}: attempt 1 failed", StringComparison.Ordinal));
        Assert.True(failed >= 0, result.Describe());
        // Rows had arrived from the terminated COPY before it broke off (--debug reports every 1000): the middle of the stream.
        var rowsBefore = lines[..failed].Select(l => RowsDone().Match(l)).Where(m => m.Success && m.Groups[1].Value == partition)
            .Select(m => long.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
        Assert.True(rowsBefore >= 1000, $"only {rowsBefore} rows arrived before the termination\n{result.Describe()}");
        Assert.Equal(2, await gate.ReadsAsync());
        Summary.AssertSays(result, "archived 2, skipped 0, empty 0, failed 0");
        await AssertStoredExactlyAsync(table, Day1, Day2);
    }

    [Fact]
    public async Task StatementTimeoutOnFirstAttemptOnly_UnitRetried_ObjectExact()
    {
        var gate = await ReadGate.CreateAsync(TestServices.UniqueName("gf"), stalls: 1);
        var table = await DrillTable.CreateAsync("tf", gate);
        await table.AddDayAsync(Day1, 300);
        await table.AddDayAsync(Day2, 8_000, gateRow: 6_000);

        var result = await CliRunner.RunAsync(
            _args.ToS3(table.Name, table.Prefix, "2024-03-01", "2024-03-02", "--db-statement-timeout", "1", "--workers", "2"), _args.Environment);

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Contains($"public.{table.Partition(Day2)}: attempt 1 failed (reading public.{table.Partition(Day2)}: statement timeout", result.Stderr,
            StringComparison.Ordinal);
        Assert.Equal(2, await gate.ReadsAsync());
        await AssertStoredExactlyAsync(table, Day1, Day2);
    }

    [Fact]
    public async Task StatementTimeoutOnEveryAttempt_UnitFailsNamingTheTimeout_OthersStored_ExitCode1()
    {
        var gate = await ReadGate.CreateAsync(TestServices.UniqueName("ge"), stalls: int.MaxValue);
        var table = await DrillTable.CreateAsync("te", gate);
        await table.AddDayAsync(Day1, 400);
        await table.AddDayAsync(Day2, 5_000, gateRow: 4_000);
        await table.AddDayAsync(Day3, 300);

        var result = await CliRunner.RunAsync(
            _args.ToS3(table.Name, table.Prefix, "2024-03-01", "2024-03-03", "--db-statement-timeout", "1", "--db-max-retries", "1", "--workers", "3"),
            _args.Environment);

        Assert.True(result.ExitCode == 1, result.Describe());
        Summary.AssertSays(result, "archived 2, skipped 0, empty 0, failed 1");
        var failure = result.Stdout.Split('\n').Single(l => l.Contains("failed: ", StringComparison.Ordinal));
        Assert.Contains($"{table.Key(Day2)}: database error: reading public.{table.Partition(Day2)}: statement timeout", failure, StringComparison.Ordinal);
        Assert.Contains("statement timeout", StateFile.LastError(_args.StateDirectory, table.Key(Day2)), StringComparison.Ordinal);
        Assert.Equal(2, await gate.ReadsAsync());
        await AssertStoredExactlyAsync(table, Day1, Day3);
    }

    [GeneratedRegex(@"DEBUG (\S+): (\d+) rows, \d+ bytes written")]
    private static partial Regex RowsDone();

    private async Task AssertStoredExactlyAsync(DrillTable table, params DateOnly[] days)
    {
        using var s3 = S3TestClient.Create();
        Assert.Equal(days.Select(table.Key).Order(StringComparer.Ordinal), await ArchivedObject.KeysAsync(s3, table.Prefix));
        foreach (var day in days)
            await ArchivedObject.AssertExactAsync(s3, table.Key(day), table.Rows(day));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_args.TempDirectory));
    }
}
