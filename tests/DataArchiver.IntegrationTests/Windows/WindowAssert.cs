using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Windows;

/// <summary>The checks every window run must pass, against the database and what the store holds.</summary>
internal static class WindowAssert
{
    /// <summary>
    /// The objects under <paramref name="prefix"/> are exactly the periods of [start, end] that hold rows, named as
    /// documented; together they hold every row of the range once and nothing else; each row lies in its object's
    /// period; and the summary counts the periods without rows as empty.
    /// </summary>
    public static async Task ArchivedExactlyAsync(CliRunner.Result run, string table, string prefix, string duration, string start, string end)
    {
        Assert.True(run.ExitCode == 0, run.Describe());
        var inRange = await WindowData.RowsInRangeAsync(table, start, end);
        Assert.NotEmpty(inRange);
        var expectedKeys = inRange.Values.Select(at => ExpectedPeriod.Of(duration, at).Key(prefix, table)).ToHashSet(StringComparer.Ordinal);
        var allPeriods = ExpectedPeriod.AllIn(duration, start, end).Count;

        var objects = await ArchivedObjects.ReadAsync(prefix);

        Assert.Equal(expectedKeys.Order(StringComparer.Ordinal), objects.Keys.Order(StringComparer.Ordinal));
        var ids = objects.Values.SelectMany(rows => rows.Select(r => r.Id)).ToList();
        var twice = ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"ids in more than one object (or twice in one): {string.Join(", ", twice)}");
        Assert.Equal(inRange.Keys.Order(), ids.Order());
        foreach (var (key, rows) in objects)
        {
            Assert.NotEmpty(rows);
            foreach (var row in rows)
            {
                Assert.True(ExpectedPeriod.Of(duration, row.At).Key(prefix, table) == key, $"row {row.Id} at {row.At:O} is in {key}");
                Assert.Equal(inRange[row.Id], row.At);
            }
        }
        Assert.Contains($"archived {expectedKeys.Count}, skipped 0, empty {allPeriods - expectedKeys.Count}, failed 0", run.Stdout, StringComparison.Ordinal);
    }

    /// <summary>A usage error (exit 2) whose message contains every one of <paramref name="fragments"/>, and nothing stored.</summary>
    public static async Task RejectedAsync(CliRunner.Result run, string prefix, params string[] fragments)
    {
        Assert.True(run.ExitCode == 2, run.Describe());
        foreach (var fragment in fragments)
            Assert.Contains(fragment, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("started", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(await ArchivedObjects.KeysAsync(prefix));
    }
}
