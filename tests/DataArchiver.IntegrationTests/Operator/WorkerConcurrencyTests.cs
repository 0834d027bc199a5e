using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Operator;

/// <summary><c>--workers N</c> seen from the database: N units at once, each on a session of its own; and the status files.</summary>
public sealed class WorkerConcurrencyTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly ArchiveArgs _args = new();

    public void Dispose() => _args.Dispose();

    [Fact]
    public async Task Workers4_EightPartitions_FourCopiesAtOnceEachOnItsOwnSession_StatusFilesInDefaultStateDir_EveryRowArchived()
    {
        var t = TestServices.UniqueName("wk");
        var prefix = TestServices.UniqueName("wk");
        var children = await DayTables.CreateAsync(t, days: 8, rowsEach: 2000);
        // No --state-dir: the default is ~/.data-archiver, and HOME is this test's private directory.
        var stateDirectory = Path.Combine(_args.Root, ".data-archiver");
        string[] args =
        [
            "archive", .. ArchiveArgs.Database, .. ArchiveArgs.S3, "--table", t, "--path-template", prefix + "/{table}/{YYYY}/{MM}",
            "--start-date", "2024-01-01", "--end-date", DayTables.LastDay(8), "--temp-dir", _args.TempDirectory,
            "--workers", "4", "--skip-count",
        ];
        await using var watcher = await Db.OpenAsync();

        await using (var locks = await DayTables.LockAsync(children))
        {
            using var run = await PublishedCli.StartAsync(args, _args.Environment);

            // Every COPY waits behind the test's locks, so the workers pile up: exactly four, never a fifth.
            var waiting = await PgActivity.WaitForCopiesAsync(watcher, t, copies => copies.Count(c => c.WaitEventType == "Lock") >= 4, Patience);
            var status = await StatusFile.WaitForAsync(stateDirectory, s => StatusFile.Current(s).Count(u => u.Stage == "extracting") >= 4, Patience);
            var copies = await PgActivity.ActiveCopiesAsync(watcher, t);
            Assert.Equal(4, copies.Count);
            Assert.Equal(4, copies.Select(c => c.Pid).Distinct().Count());
            Assert.Equal(4, waiting.Select(c => c.Pid).Distinct().Count());

            Assert.Equal(run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                (await File.ReadAllTextAsync(Path.Combine(stateDirectory, StatusFile.Pid))).Trim());
            Assert.Equal(run.Id, (int)status["pid"]!);
            Assert.Equal($"public.{t}", (string)status["table"]!);
            Assert.Equal("2024-01-01", (string)status["start_date"]!);
            Assert.Equal(DayTables.LastDay(8), (string)status["end_date"]!);
            Assert.True(DateTimeOffset.TryParse((string)status["started_at"]!, System.Globalization.CultureInfo.InvariantCulture, out _));
            Assert.Equal(8, (int)status["units_total"]!);
            Assert.Equal(0, (int)status["units_done"]!);
            var current = StatusFile.Current(status);
            Assert.Equal(4, current.Count);
            Assert.All(current, unit => Assert.Contains(unit.Partition, children.Select(c => "public." + c)));

            // Four at once is shown above, with every worker held; from here on, watch that no fifth ever joins them
            // while the eight units drain.
            var most = 0;
            var watching = Task.Run(async () =>
            {
                await using var connection = await Db.OpenAsync();
                while (!run.HasExited)
                {
                    most = Math.Max(most, (await PgActivity.ActiveCopiesAsync(connection, t)).Count);
                    await Task.Delay(10);
                }
            });
            await locks.ReleaseAsync();
            Assert.True(await run.WaitForExitAsync(Patience), run.Describe());
            await watching;

            Assert.True(run.ExitCode == 0, run.Describe());
            Assert.True(most <= 4, $"{most} COPYs ran at once with --workers 4");
            Assert.Contains("archived 8, skipped 0, empty 0, failed 0", run.Stdout, StringComparison.Ordinal);
        }

        StatusFile.AssertRemoved(stateDirectory);
        Assert.Single(Directory.GetFiles(stateDirectory, $"archive-public.{t}-*.json"));
        using var s3 = S3TestClient.Create();
        for (var day = 0; day < children.Length; day++)
            await ArchivedObjects.AssertJsonLinesAsync(s3, ArchivedObjects.Key(prefix, t, day, ".jsonl.zst"), children[day]);
    }
}
