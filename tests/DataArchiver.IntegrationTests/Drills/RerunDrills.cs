using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Drills;

/// <summary>Runs that must not write: a second identical run, and dry runs.</summary>
public sealed class RerunDrills : IDisposable
{
    private static readonly DateOnly[] Days = [new(2024, 6, 1), new(2024, 6, 2), new(2024, 6, 3)];

    private readonly ArchiveArgs _args = new();

    public void Dispose() => _args.Dispose();

    [Fact]
    public async Task SecondIdenticalRun_UploadsNothing_SummarySaysSkipped()
    {
        var table = await DrillTable.CreateAsync("si");
        foreach (var day in Days)
            await table.AddDayAsync(day, 1_500);
        var args = _args.ToS3(table.Name, table.Prefix, "2024-06-01", "2024-06-03");
        var first = await CliRunner.RunAsync(args, _args.Environment);
        Assert.True(first.ExitCode == 0, first.Describe());
        Summary.AssertSays(first, "archived 3, skipped 0, empty 0, failed 0");

        using var s3 = S3TestClient.Create();
        var window = await S3LogWindow.OpenAsync(s3, table.Prefix);
        var second = await CliRunner.RunAsync(args, _args.Environment);

        Assert.True(second.ExitCode == 0, second.Describe());
        Summary.AssertSays(second, "archived 0, skipped 3, empty 0, failed 0");
        var lines = await window.CloseAsync();
        // One HEAD per object to see it is still what the state file says, and nothing else.
        Assert.Equal(Days.Select(d => $"HEAD /{TestServices.S3Bucket}/{table.Key(d)}").Order(StringComparer.Ordinal),
            lines.Select(l => string.Join(' ', l.Split(' ')[1..3])).Order(StringComparer.Ordinal));
        foreach (var day in Days)
            await ArchivedObject.AssertExactAsync(s3, table.Key(day), table.Rows(day));
    }

    [Fact]
    public async Task DryRun_UploadsNothing_ChangesNoStateFile()
    {
        var table = await DrillTable.CreateAsync("dr");
        await table.AddDayAsync(Days[0], 1_000);
        await table.AddDayAsync(Days[1], 1_200);
        var args = _args.ToS3(table.Name, table.Prefix, "2024-06-01", "2024-06-03");
        using var s3 = S3TestClient.Create();

        // From nothing: planned, extracted and counted, but nothing stored and no state file started.
        var window = await S3LogWindow.OpenAsync(s3, table.Prefix);
        var fresh = await CliRunner.RunAsync([.. args, "--dry-run"], _args.Environment);
        Assert.True(fresh.ExitCode == 0, fresh.Describe());
        Summary.AssertSays(fresh, "archived 0, skipped 0, empty 0, failed 0, would archive 2");
        Assert.All(await window.CloseAsync(), l => Assert.StartsWith("info: HEAD ", l, StringComparison.Ordinal));
        Assert.Empty(await ArchivedObject.KeysAsync(s3, table.Prefix));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_args.StateDirectory));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_args.TempDirectory));

        // After a real run and a new partition: the dry run sees one to archive and touches neither store nor state.
        var real = await CliRunner.RunAsync(args, _args.Environment);
        Assert.True(real.ExitCode == 0, real.Describe());
        await table.AddDayAsync(Days[2], 900);
        var statePath = StateFile.PathIn(_args.StateDirectory)!;
        var stateBefore = await File.ReadAllBytesAsync(statePath);
        var writtenBefore = File.GetLastWriteTimeUtc(statePath);
        window = await S3LogWindow.OpenAsync(s3, table.Prefix);

        var dry = await CliRunner.RunAsync([.. args, "--dry-run"], _args.Environment);

        Assert.True(dry.ExitCode == 0, dry.Describe());
        Summary.AssertSays(dry, "archived 0, skipped 2, empty 0, failed 0, would archive 1");
        Assert.All(await window.CloseAsync(), l => Assert.StartsWith("info: HEAD ", l, StringComparison.Ordinal));
        Assert.Equal(stateBefore, await File.ReadAllBytesAsync(statePath));
        Assert.Equal(writtenBefore, File.GetLastWriteTimeUtc(statePath));
        Assert.Equal([statePath], Directory.EnumerateFileSystemEntries(_args.StateDirectory));
        Assert.Equal(Days[..2].Select(table.Key).Order(StringComparer.Ordinal), await ArchivedObject.KeysAsync(s3, table.Prefix));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_args.TempDirectory));
    }
}
