using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Operator;

/// <summary>The published executable on a real terminal (tmux): the live display, laid out to fit, then the summary.</summary>
public sealed class LiveDisplayTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private const int Width = 80;
    private const int Height = 24;
    private readonly ArchiveArgs _args = new();

    public void Dispose() => _args.Dispose();

    [Fact]
    public async Task Archive_OnAn80ColumnTerminal_ShowsOverallBarAndOneLinePerWorker_MessagesAboveItClean_ThenTheSummary()
    {
        var t = TestServices.UniqueName("lv");
        var prefix = TestServices.UniqueName("lv");
        var children = await DayTables.CreateAsync(t, days: 6, rowsEach: 1000);
        string[] command = [await PublishedCli.PathAsync(), .. _args.ToS3(t, prefix, "2024-01-01", DayTables.LastDay(6), "--workers", "4", "--skip-count", "--debug")];
        var environment = new Dictionary<string, string>(_args.Environment) { ["TERM"] = "xterm-256color" };

        string running;
        await using (var locks = await DayTables.LockAsync(children[..4]))
        {
            using var terminal = await TmuxSession.StartAsync(command, Width, Height, environment, _args.Root);
            // Four workers wait on the locks, so the display holds still long enough to be read.
            // Each worker reaches "extracting" before its expected row count is drawn, and a capture may fall between the
            // writes of one frame: wait for a whole frame, the overall line followed by four workers with their counts.
            running = await terminal.WaitForScreenAsync(screen => IsWholeFrame(Lines(screen)), Patience);
            await locks.ReleaseAsync();
            var final = await terminal.WaitForScreenAsync(screen => screen.Contains("wall time", StringComparison.Ordinal), Patience);
            var status = await WaitForExitStatusAsync(terminal);
            Assert.True(status == 0, $"exit status {status}; still running in the terminal:\n{await terminal.ProcessesAsync()}\n{await terminal.ScreenAsync()}");

            Assert.Contains("Summary:", final, StringComparison.Ordinal);
            Assert.Contains("archived 6, skipped 0, empty 0, failed 0", final, StringComparison.Ordinal);
            Assert.Contains("rows 6,000;", final, StringComparison.Ordinal);
            Assert.Contains("ratio", final, StringComparison.Ordinal);
            Assert.Contains("rows/s", final, StringComparison.Ordinal);
            // The display is cleared when the run ends: the debug lines printed above it and the summary stay, and
            // none of those lines kept a tail of the frame it was written over.
            Assert.DoesNotContain("━", final, StringComparison.Ordinal);
            Assert.DoesNotContain("units", final, StringComparison.Ordinal);
            var timings = Lines(final).Where(l => l.Contains(" rows read in ", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(timings);
            Assert.All(timings, l => Assert.Matches(@"^public\.\w+: 1000 rows read in \d+\.\d\d s$", l.TrimEnd()));
        }

        var lines = Lines(running);
        var overall = Assert.Single(lines, l => l.Contains("/6 units", StringComparison.Ordinal));
        Assert.Contains("0/6 units", overall, StringComparison.Ordinal);
        Assert.Contains("0 rows", overall, StringComparison.Ordinal);
        Assert.Contains("ETA", overall, StringComparison.Ordinal);
        Assert.Contains("━", overall, StringComparison.Ordinal);
        var workers = lines.Where(l => l.Contains("extracting", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, workers.Count);
        for (var day = 0; day < 4; day++)
            Assert.Single(workers, l => l.TrimStart().StartsWith(children[day] + " ", StringComparison.Ordinal));
        // Rows done of the (estimated) expected count, and the bytes written so far.
        Assert.All(workers, l => Assert.Contains("0/~1,000 rows", l, StringComparison.Ordinal));
        Assert.All(workers, l => Assert.EndsWith("0 B", l.TrimEnd(), StringComparison.Ordinal));
        // Nothing wrapped or collapsed: each line fits the terminal and the columns line up.
        Assert.All(lines, l => Assert.True(l.TrimEnd().Length <= Width, $"too wide: {l}"));
        Assert.Single(workers.Select(l => l.IndexOf("extracting", StringComparison.Ordinal)).Distinct());
        Assert.DoesNotContain(lines, l => l.Trim() == "…");
        // The frame is the last thing on the screen: the overall line, then the four workers.
        Assert.Equal(overall, lines[^5]);
    }

    private static bool IsWholeFrame(List<string> lines) =>
        lines.Count >= 5 && lines[^5].Contains("/6 units", StringComparison.Ordinal)
        && lines[^4..].All(l => l.Contains("extracting", StringComparison.Ordinal) && l.Contains("0/~1,000 rows", StringComparison.Ordinal));

    private static List<string> Lines(string screen) =>
        screen.Split('\n').Where(l => l.Trim().Length > 0).ToList();

    private static async Task<int?> WaitForExitStatusAsync(TmuxSession terminal)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (await terminal.ExitStatusAsync() is { } status)
                return status;
            await Task.Delay(50);
        }
        return null;
    }
}
