using System.Text.Json.Nodes;
using DataArchiver.IntegrationTests.Support;
using Npgsql;

namespace DataArchiver.IntegrationTests.Drills;

/// <summary>Fault drills around restarts: the archiver killed outright mid-run, and a state file found corrupt.</summary>
public sealed class RestartDrills : IDisposable
{
    private static readonly DateOnly[] Days = [new(2024, 5, 1), new(2024, 5, 2), new(2024, 5, 3), new(2024, 5, 4)];

    private readonly ArchiveArgs _args = new();

    public void Dispose() => _args.Dispose();

    [Fact]
    public async Task KilledMidRun_RunAgain_FinishedSkippedWithoutReadingTheirRows_InterruptedRedone_NothingPartialLeft()
    {
        var gate = await ReadGate.CreateAsync(TestServices.UniqueName("gs"), stalls: 1);
        var table = await DrillTable.CreateAsync("sk", gate);
        await table.AddDayAsync(Days[0], 500);
        await table.AddDayAsync(Days[1], 600);
        await table.AddDayAsync(Days[2], 3_000, gateRow: 2_500);
        await table.AddDayAsync(Days[3], 400);
        var args = _args.ToS3(table.Name, table.Prefix, "2024-05-01", "2024-05-04", "--workers", "1");
        string[] finished = [table.Key(Days[0]), table.Key(Days[1])];

        using (var child = ArchiverProcess.Start(args, _args.Environment))
        {
            // One worker, units in date order: two are recorded as stored and the third stalls in the middle of its COPY.
            var stalled = gate.WaitForStalledCopyAsync(table.Partition(Days[2]));
            if (await Task.WhenAny(child.Exited, stalled) == child.Exited)
                Assert.Fail("the run ended before it could be killed: " + child.Describe());
            var pid = await stalled;
            Assert.Equal(finished, StateFile.StoredKeys(_args.StateDirectory).Order(StringComparer.Ordinal));
            var status = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_args.StateDirectory, "current_task.json")))!;
            Assert.Equal(table.Key(Days[2]), (string?)status["current"]![0]!["key"]);

            await child.KillAsync();
            Assert.Single(Directory.EnumerateFiles(_args.TempDirectory)); // the half-written file of the third unit
            // The server notices a vanished client only when it next writes to it; end the stalled backend now.
            Assert.True(await ReadGate.TerminateAsync(pid));
        }

        using var s3 = S3TestClient.Create();
        var window = await S3LogWindow.OpenAsync(s3, table.Prefix);
        CliRunner.Result rerun;
        await using (var guard = await Db.OpenAsync())
        await using (var transaction = await guard.BeginTransactionAsync())
        {
            // Any read of the finished partitions would wait on this lock until the statement timeout failed the run.
            await using (var lockTables = new NpgsqlCommand(
                $"LOCK TABLE {table.Partition(Days[0])}, {table.Partition(Days[1])} IN ACCESS EXCLUSIVE MODE NOWAIT", guard, transaction))
                await lockTables.ExecuteNonQueryAsync();
            rerun = await CliRunner.RunAsync([.. args, "--db-statement-timeout", "5"], _args.Environment);
        }

        Assert.True(rerun.ExitCode == 0, rerun.Describe());
        Summary.AssertSays(rerun, "archived 2, skipped 2, empty 0, failed 0");
        Assert.Contains("removed 1 temp file(s) left by an earlier run", rerun.Stderr, StringComparison.Ordinal);
        var lines = await window.CloseAsync();
        Assert.All(finished, key => Assert.Empty(S3LogWindow.Writes(lines, key)));
        Assert.Single(S3LogWindow.Writes(lines, table.Key(Days[2])));
        Assert.Single(S3LogWindow.Writes(lines, table.Key(Days[3])));
        Assert.Equal(2, await gate.ReadsAsync());

        Assert.Equal(Days.Select(table.Key).Order(StringComparer.Ordinal), await ArchivedObject.KeysAsync(s3, table.Prefix));
        foreach (var day in Days)
            await ArchivedObject.AssertExactAsync(s3, table.Key(day), table.Rows(day));
        Assert.Equal(Days.Select(table.Key).Order(StringComparer.Ordinal), StateFile.StoredKeys(_args.StateDirectory).Order(StringComparer.Ordinal));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_args.TempDirectory));
        // Nothing else is left in the state directory either: no half-written state file, no stale status files.
        Assert.Equal([StateFile.PathIn(_args.StateDirectory)], Directory.EnumerateFileSystemEntries(_args.StateDirectory));
    }

    [Fact]
    public async Task CorruptStateFile_Warned_SetAsideAndRebuilt_RunSucceeds()
    {
        var table = await DrillTable.CreateAsync("cs");
        await table.AddDayAsync(Days[0], 700);
        await table.AddDayAsync(Days[1], 800);
        var args = _args.ToS3(table.Name, table.Prefix, "2024-05-01", "2024-05-02");
        var first = await CliRunner.RunAsync(args, _args.Environment);
        Assert.True(first.ExitCode == 0, first.Describe());
        var path = StateFile.PathIn(_args.StateDirectory)!;
        const string Garbage = "{\"version\": 1, \"objects\": {\"cut off in the mid";
        await File.WriteAllTextAsync(path, Garbage);

        using var s3 = S3TestClient.Create();
        var window = await S3LogWindow.OpenAsync(s3, table.Prefix);
        var second = await CliRunner.RunAsync(args, _args.Environment);

        Assert.True(second.ExitCode == 0, second.Describe());
        Assert.Contains($"WARN  state file {path} could not be read", second.Stderr, StringComparison.Ordinal);
        // Rebuilt from what the store holds: each unit re-extracted, found identical to its object, and not uploaded again.
        Summary.AssertSays(second, "archived 0, skipped 2, empty 0, failed 0");
        var lines = await window.CloseAsync();
        Assert.All(Days[..2], day => Assert.Empty(S3LogWindow.Writes(lines, table.Key(day))));
        Assert.Equal(Days[..2].Select(table.Key).Order(StringComparer.Ordinal), StateFile.StoredKeys(_args.StateDirectory).Order(StringComparer.Ordinal));
        var aside = Assert.Single(Directory.EnumerateFiles(_args.StateDirectory, Path.GetFileName(path) + ".corrupt-*"));
        Assert.Equal(Garbage, await File.ReadAllTextAsync(aside));
        foreach (var day in Days[..2])
            await ArchivedObject.AssertExactAsync(s3, table.Key(day), table.Rows(day));
    }
}
