using DataArchiver.Core.Pipeline;
using DataArchiver.IntegrationTests.Drills;
using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Archive;

/// <summary>
/// A full disk under <c>--temp-dir</c> or <c>--state-dir</c>, for real (a filled tmpfs): each failure is one line
/// naming the category, the object and the cause, with no stack trace (the harness checks every run for one), and
/// no temp file is left anywhere.
/// </summary>
public sealed class DiskFullTests : IDisposable
{
    private static readonly DateOnly Day = new(2024, 7, 1);
    private readonly ArchiveArgs _args = new();

    public void Dispose() => _args.Dispose();

    [Theory]
    [InlineData("parquet")]
    [InlineData("jsonl")]
    [InlineData("csv")]
    public async Task Archive_TempDirFull_UnitFailsWithOneLineSayingDiskFullAndLeavesNoTempFile(string format)
    {
        var table = await DrillTable.CreateAsync("df");
        await table.AddDayAsync(Day, 5000, DrillTable.DenseBody);
        using var disk = FullDisk.Mount();

        var run = await CliRunner.RunAsync(_args.ToS3(table.Name, table.Prefix, "2024-07-01", "2024-07-01",
            "--output-format", format, "--db-max-retries", "1", "--temp-dir", disk.Path), _args.Environment);

        Assert.True(run.ExitCode == 1, run.Describe());
        Summary.AssertSays(run, "archived 0, skipped 0, empty 0, failed 1");
        var failed = Assert.Single(run.Stdout.Split('\n'), line => line.StartsWith("  failed: ", StringComparison.Ordinal));
        Assert.Matches($@"^  failed: public\.{table.Partition(Day)} → {table.Prefix}/\S+\.{format}\S*: disk full: No space left on device", failed);
        Assert.Empty(disk.Leftovers());
        Assert.Empty(Directory.GetFiles(_args.StateDirectory, TempFiles.Prefix + "*"));
    }

    [Fact]
    public async Task Archive_StateDirFull_UnitFailsWithOneLineSayingDiskFullAndLeavesNoStateTempFile()
    {
        var table = await DrillTable.CreateAsync("ds");
        await table.AddDayAsync(Day, 100);
        using var disk = FullDisk.Mount();

        var run = await CliRunner.RunAsync(_args.ToS3(table.Name, table.Prefix, "2024-07-01", "2024-07-01", "--state-dir", disk.Path),
            _args.Environment);

        Assert.True(run.ExitCode == 1, run.Describe());
        var failed = Assert.Single(run.Stdout.Split('\n'), line => line.StartsWith("  failed: ", StringComparison.Ordinal));
        Assert.Contains($"{table.Key(Day)}: disk full: writing {disk.Path}/archive-", failed, StringComparison.Ordinal);
        Assert.Contains("No space left on device", failed, StringComparison.Ordinal);
        Assert.Contains("cannot write the status file", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(disk.Leftovers());
        Assert.Empty(Directory.GetFiles(_args.TempDirectory));
    }
}
