using System.Text.Json;
using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Windows;

public sealed class WindowResumeTests : IDisposable
{
    private readonly ArchiveArgs _args = new();

    public void Dispose() => _args.Dispose();

    [Fact]
    public async Task Archive_EmptyPeriods_RecordedAsEmptyAndNotQueriedOnTheRerun_StoredOnesSkipped()
    {
        var table = TestServices.UniqueName("we");
        var prefix = TestServices.UniqueName("wes");
        await Db.ExecuteAsync($"""
            CREATE TABLE {table} (id int, at timestamptz) PARTITION BY RANGE (at);
            CREATE TABLE {table}_2024_04 PARTITION OF {table} FOR VALUES FROM ('2024-04-01') TO ('2024-05-01');
            INSERT INTO {table} VALUES (1, '2024-04-01 00:00'), (2, '2024-04-02 23:59:59.999999'), (3, '2024-04-05 12:00'), (4, '2024-04-08 00:00');
            """);
        string[] Args() => _args.ToS3(table, prefix, "2024-04-01", "2024-04-07", "--date-column", "at", "--output-duration", "daily",
            "--compression", "none", "--debug");
        string Key(string day) => $"{prefix}/{table}/2024/04/{table}-{day}.jsonl";
        string[] stored = [Key("2024-04-01"), Key("2024-04-02"), Key("2024-04-05")];
        string[] empty = [Key("2024-04-03"), Key("2024-04-04"), Key("2024-04-06"), Key("2024-04-07")];

        var first = await CliRunner.RunAsync(Args(), _args.Environment);
        var state = ReadState();
        var second = await CliRunner.RunAsync(Args(), _args.Environment);

        Assert.True(first.ExitCode == 0, first.Describe());
        Assert.Contains("archived 3, skipped 0, empty 4, failed 0", first.Stdout, StringComparison.Ordinal);
        Assert.Equal(stored, (await ArchivedObjects.KeysAsync(prefix)).Order(StringComparer.Ordinal));
        foreach (var key in empty)
            Assert.True(state.GetProperty(key).GetProperty("empty").GetBoolean(), key);
        foreach (var key in stored)
            Assert.False(state.GetProperty(key).TryGetProperty("empty", out var flag) && flag.GetBoolean(), key);

        foreach (var key in empty)
        {
            Assert.Contains($"empty, no object written ({key})", first.Stderr, StringComparison.Ordinal);
            Assert.Contains($"empty, no object written ({key})", second.Stderr, StringComparison.Ordinal);
        }

        Assert.True(second.ExitCode == 0, second.Describe());
        Assert.Contains("archived 0, skipped 3, empty 4, failed 0", second.Stdout, StringComparison.Ordinal);
        // Nothing is read from the database on the rerun: no COPY, no row count.
        Assert.DoesNotContain("COPY", second.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("rows expected", second.Stderr, StringComparison.Ordinal);
        Assert.Contains("COPY", first.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Archive_WiderRangeAfterAClampedWeek_RewritesThatWeekWithAllItsRows_NarrowerRerunKeepsIt()
    {
        var table = TestServices.UniqueName("wc");
        var prefix = TestServices.UniqueName("wcs");
        // Week 2024-W05 runs from Monday 2024-01-29 to Sunday 2024-02-04.
        await Db.ExecuteAsync($"""
            CREATE TABLE {table} (id int, at timestamp);
            INSERT INTO {table} VALUES (1, '2024-01-29 08:00'), (2, '2024-02-01 08:00'), (3, '2024-02-05 08:00');
            """);
        string[] Args(string start) => _args.ToS3(table, prefix, start, "2024-02-04", "--date-column", "at", "--output-duration", "weekly",
            "--compression", "none");
        var key = $"{prefix}/{table}/2024/01/{table}-2024-W05.jsonl";

        var fromWednesday = await CliRunner.RunAsync(Args("2024-01-31"), _args.Environment);
        var afterWednesday = await IdsAsync(key);
        var fromMonday = await CliRunner.RunAsync(Args("2024-01-29"), _args.Environment);
        var afterMonday = await IdsAsync(key);
        var againFromWednesday = await CliRunner.RunAsync(Args("2024-01-31"), _args.Environment);

        Assert.True(fromWednesday.ExitCode == 0, fromWednesday.Describe());
        Assert.Equal([2], afterWednesday);
        Assert.True(fromMonday.ExitCode == 0, fromMonday.Describe());
        Assert.Contains("archived 1, skipped 0", fromMonday.Stdout, StringComparison.Ordinal);
        Assert.Equal([1, 2], afterMonday);
        Assert.True(againFromWednesday.ExitCode == 0, againFromWednesday.Describe());
        Assert.Contains("archived 0, skipped 1", againFromWednesday.Stdout, StringComparison.Ordinal);
        Assert.Equal([1, 2], await IdsAsync(key));
    }

    [Fact]
    public async Task Archive_EarlierDaysOfAStoredPartialWeek_ObjectKeepsTheDaysItHeld()
    {
        var table = TestServices.UniqueName("wc");
        var prefix = TestServices.UniqueName("wcs");
        await Db.ExecuteAsync($"""
            CREATE TABLE {table} (id int, at timestamptz);
            INSERT INTO {table} VALUES (1, '2024-01-29 08:00'), (2, '2024-02-01 08:00'), (3, '2024-02-05 08:00');
            """);
        string[] Args(string start, string end) => _args.ToS3(table, prefix, start, end, "--date-column", "at", "--output-duration", "weekly",
            "--compression", "none");
        var key = $"{prefix}/{table}/2024/01/{table}-2024-W05.jsonl";

        var wednesdayToSunday = await CliRunner.RunAsync(Args("2024-01-31", "2024-02-04"), _args.Environment);
        var mondayToTuesday = await CliRunner.RunAsync(Args("2024-01-29", "2024-01-30"), _args.Environment);

        Assert.True(wednesdayToSunday.ExitCode == 0, wednesdayToSunday.Describe());
        Assert.True(mondayToTuesday.ExitCode == 0, mondayToTuesday.Describe());
        Assert.Contains($"{key} holds rows of 2024-01-31 00:00..2024-02-05 00:00; reading 2024-01-29 00:00..2024-02-05 00:00", mondayToTuesday.Stderr,
            StringComparison.Ordinal);
        Assert.Equal([1, 2], await IdsAsync(key));
    }

    [Fact]
    public async Task Archive_WiderRangeAfterAClampedWeekFoundEmpty_QueriesTheWholeWeek()
    {
        var table = TestServices.UniqueName("wc");
        var prefix = TestServices.UniqueName("wcs");
        await Db.ExecuteAsync($"CREATE TABLE {table} (id int, at date); INSERT INTO {table} VALUES (1, '2024-01-29');");
        string[] Args(string start) => _args.ToS3(table, prefix, start, "2024-02-04", "--date-column", "at", "--output-duration", "weekly",
            "--compression", "none");

        var fromWednesday = await CliRunner.RunAsync(Args("2024-01-31"), _args.Environment);
        var fromMonday = await CliRunner.RunAsync(Args("2024-01-29"), _args.Environment);

        Assert.True(fromWednesday.ExitCode == 0, fromWednesday.Describe());
        Assert.Contains("archived 0, skipped 0, empty 1", fromWednesday.Stdout, StringComparison.Ordinal);
        Assert.True(fromMonday.ExitCode == 0, fromMonday.Describe());
        Assert.Contains("archived 1, skipped 0, empty 0", fromMonday.Stdout, StringComparison.Ordinal);
        Assert.Equal([1], await IdsAsync($"{prefix}/{table}/2024/01/{table}-2024-W05.jsonl"));
    }

    private JsonElement ReadState()
    {
        var file = Assert.Single(Directory.GetFiles(_args.StateDirectory, "archive-*.json"));
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        return document.RootElement.GetProperty("objects").Clone();
    }

    private static async Task<List<long>> IdsAsync(string key)
    {
        var prefix = key[..key.IndexOf('/', StringComparison.Ordinal)];
        var objects = await ArchivedObjects.ReadAsync(prefix);
        return objects.TryGetValue(key, out var rows) ? rows.Select(r => r.Id).Order().ToList() : [];
    }
}
