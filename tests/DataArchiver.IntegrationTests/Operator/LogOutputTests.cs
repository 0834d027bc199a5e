using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DataArchiver.IntegrationTests.Support;
using Npgsql;

namespace DataArchiver.IntegrationTests.Operator;

/// <summary>
/// Without a terminal: log lines on stderr in the chosen format, never a control code; results (the summary) alone on
/// stdout; <c>--debug</c> adds the SQL issued, timings and retry causes.
/// </summary>
public sealed partial class LogOutputTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly ArchiveArgs _args = new();

    public void Dispose() => _args.Dispose();

    [Fact]
    public async Task NoTerminal_TextWithDebug_NoEscapeBytes_SqlAndTimingsOnStderr_OnlyTheSummaryOnStdout()
    {
        var t = TestServices.UniqueName("lt");
        var prefix = TestServices.UniqueName("lt");
        await DayTables.CreateAsync(t, days: 3, rowsEach: 500);

        using var run = await PublishedCli.StartAsync(_args.ToS3(t, prefix, "2024-01-01", DayTables.LastDay(3), "--debug"), _args.Environment);
        Assert.True(await run.WaitForExitAsync(Patience), run.Describe());

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.DoesNotContain((byte)0x1b, run.StdoutBytes);
        Assert.DoesNotContain((byte)0x1b, run.StderrBytes);
        var stdout = Lines(run.Stdout);
        Assert.Equal("Summary:", stdout[0]);
        Assert.Equal("  archived 3, skipped 0, empty 0, failed 0", stdout[1]);
        Assert.Equal(4, stdout.Count);
        var stderr = Lines(run.Stderr);
        Assert.All(stderr, line => Assert.Matches(TextLine(), line));
        Assert.Contains(stderr, l => l.Contains(" DEBUG ", StringComparison.Ordinal) && l.Contains($"SELECT pg_catalog.count(*) FROM \"public\".\"{t}_20240101\"", StringComparison.Ordinal));
        Assert.Contains(stderr, l => l.Contains(" DEBUG ", StringComparison.Ordinal) && l.Contains($"COPY (SELECT \"id\"", StringComparison.Ordinal) && l.Contains("TO STDOUT (FORMAT binary)", StringComparison.Ordinal));
        Assert.Contains(stderr, l => l.Contains(" DEBUG ", StringComparison.Ordinal) && l.Contains("500 rows read in", StringComparison.Ordinal));
        Assert.Contains(stderr, l => l.Contains(" DEBUG ", StringComparison.Ordinal) && l.Contains("uploading (extracting took", StringComparison.Ordinal));
        Assert.Equal(3, stderr.Count(l => l.Contains(" INFO  ", StringComparison.Ordinal) && l.Contains(": archived 500 rows", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task NoTerminal_JsonWithDebug_EveryStderrLineIsJsonWithTimeLevelMsg_IncludingTheRetryCause()
    {
        var t = TestServices.UniqueName("lj");
        var prefix = TestServices.UniqueName("lj");
        var children = await DayTables.CreateAsync(t, days: 2, rowsEach: 500);
        var args = _args.ToS3(t, prefix, "2024-01-01", DayTables.LastDay(2), "--log-format", "json", "--debug", "--workers", "1", "--skip-count",
            "--db-max-retries", "2");
        await using var watcher = await Db.OpenAsync();

        using var run = await PublishedCli.StartAsync(args, _args.Environment);
        await using (var locks = await DayTables.LockAsync(children[0]))
        {
            // The first attempt waits on the lock; cancelling it from outside is a transient failure (SQLSTATE 57014).
            var first = (await PgActivity.WaitForCopiesAsync(watcher, t, c => c.Any(s => s.WaitEventType == "Lock"), Patience)).Single();
            await using (var cancel = new NpgsqlCommand($"SELECT pg_cancel_backend({first.Pid})", watcher))
                await cancel.ExecuteScalarAsync();
            await PgActivity.WaitForCopiesAsync(watcher, t, c => c.Any(s => s.WaitEventType == "Lock" && s.QueryStart > first.QueryStart), Patience);
            await locks.ReleaseAsync();
        }
        Assert.True(await run.WaitForExitAsync(Patience), run.Describe());

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.DoesNotContain((byte)0x1b, run.StdoutBytes);
        Assert.DoesNotContain((byte)0x1b, run.StderrBytes);
        Assert.StartsWith("Summary:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("archived 2, skipped 0, empty 0, failed 0", run.Stdout, StringComparison.Ordinal);
        var records = Lines(run.Stderr).Select(ParseRecord).ToList();
        Assert.Contains(records, r => (string)r["level"]! == "warn" && ((string?)r["cause"])?.Contains("57014", StringComparison.Ordinal) == true && (int)r["attempt"]! == 1);
        Assert.Contains(records, r => (string)r["level"]! == "debug" && ((string?)r["cause_chain"])?.Contains("PostgresException", StringComparison.Ordinal) == true);
        Assert.Contains(records, r => (string)r["level"]! == "debug" && ((string)r["msg"]!).Contains("COPY (SELECT", StringComparison.Ordinal));
        Assert.Equal(2, records.Count(r => (string?)r["outcome"] == "archived" && r["seconds"] is not null && (long)r["rows"]! == 500));
    }

    [Fact]
    public async Task Logfmt_EveryStderrLineIsKeyValue()
    {
        var t = TestServices.UniqueName("lf");
        await DayTables.CreateAsync(t, days: 1, rowsEach: 10);

        var run = await CliRunner.RunAsync(_args.ToS3(t, TestServices.UniqueName("lf"), "2024-01-01", "2024-01-01", "--log-format", "logfmt", "--debug"),
            _args.Environment);

        Assert.True(run.ExitCode == 0, run.Describe());
        var lines = Lines(run.Stderr);
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.Matches(LogfmtLine(), line));
        Assert.Contains(lines, l => l.Contains("outcome=archived", StringComparison.Ordinal));
    }

    [Fact]
    public async Task JsonFormat_AnErrorEndingTheRun_IsAJsonRecordToo()
    {
        var missing = TestServices.UniqueName("nothere");

        var run = await CliRunner.RunAsync(_args.ToS3(missing, "x", "2024-01-01", "2024-01-01", "--log-format", "json"), _args.Environment);

        Assert.True(run.ExitCode == 2, run.Describe());
        var records = Lines(run.Stderr).Select(ParseRecord).ToList();
        var error = records[^1];
        Assert.Equal("error", (string)error["level"]!);
        Assert.Equal(2, (int)error["exit_code"]!);
        Assert.Contains($"public.{missing} does not exist", (string)error["msg"]!, StringComparison.Ordinal);
    }

    private static JsonObject ParseRecord(string line)
    {
        var record = JsonNode.Parse(line)?.AsObject() ?? throw new InvalidOperationException($"not a JSON object: {line}");
        Assert.True(DateTimeOffset.TryParse((string)record["time"]!, System.Globalization.CultureInfo.InvariantCulture, out _), line);
        Assert.Matches("^(debug|info|warn|error)$", (string)record["level"]!);
        Assert.False(string.IsNullOrEmpty((string?)record["msg"]), line);
        return record;
    }

    private static List<string> Lines(string text) => text.Split('\n').Where(l => l.Length > 0).ToList();

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (DEBUG|INFO |WARN |ERROR) \S")]
    private static partial Regex TextLine();

    [GeneratedRegex("""^time=\S+ level=(debug|info|warn|error) msg=("([^"\\]|\\.)*"|[^ "=]+)( [a-z_]+=("([^"\\]|\\.)*"|[^ "=]+))*$""")]
    private static partial Regex LogfmtLine();
}
