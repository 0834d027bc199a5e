using DataArchiver.Cli.Output;
using Spectre.Console;

namespace DataArchiver.Tests.Cli;

public sealed class ProgressLayoutTests
{
    private static readonly OverallView Overall = new("public.events", 24, 7, 1, 1_234_567, 45_000_000, 0.37, TimeSpan.FromSeconds(83), TimeSpan.FromSeconds(141));

    private static readonly WorkerView[] Workers =
    [
        new("events_20240108", "extracting", 60_000, 259_200, false, 109_329.4, 4_800_000),
        new("events_20240109", "uploading", 259_200, 259_200, false, 98_000, 7_900_000),
        new("events_p2024_01_10", "counting", 0, null, false, null, 0),
        new("events_20240111", "extracting", 10_000, 250_000, true, 25_000, 100),
    ];

    public static TheoryData<int> Widths => [.. Enumerable.Range(20, 181)];

    [Theory]
    [MemberData(nameof(Widths))]
    public void Render_AnyWidth_EveryLineFits(int width)
    {
        var lines = Plain(ProgressLayout.Render(Overall, Workers, width, height: 40, unicode: true));

        Assert.Equal(1 + Workers.Length, lines.Count);
        Assert.All(lines, line => Assert.True(line.Length <= width, $"{line.Length} > {width}: '{line}'"));
        // Whatever the width, a worker line names its partition's start and its stage.
        Assert.All(lines.Skip(1).Zip(Workers), pair => Assert.Contains(pair.Second.Stage, pair.First, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_Wide_ShowsEverything()
    {
        var lines = Plain(ProgressLayout.Render(Overall, Workers, width: 160, height: 40, unicode: true));

        Assert.StartsWith("archiving public.events  ━", lines[0], StringComparison.Ordinal);
        Assert.Contains("37%  7/24 units  1 failed  1,234,567 rows  42.9 MiB  1:23  ETA 2:21", lines[0], StringComparison.Ordinal);
        Assert.Equal("  events_20240108     extracting  ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━   23%   60,000/259,200 rows  109,329/s  4.6 MiB", lines[1]);
        Assert.Contains("  events_p2024_01_10  counting  ", lines[3], StringComparison.Ordinal);
        Assert.Contains("10,000/~250,000 rows", lines[4], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_80Columns_KeepsNameStagePercentRowsRateAndBytes_DropsWorkerBars()
    {
        var lines = Plain(ProgressLayout.Render(Overall, Workers, width: 80, height: 40, unicode: true));

        Assert.Contains("━", lines[0], StringComparison.Ordinal);
        Assert.Contains("7/24 units", lines[0], StringComparison.Ordinal);
        Assert.Contains("ETA 2:21", lines[0], StringComparison.Ordinal);
        Assert.Equal("  events_20240108     extracting   23%   60,000/259,200 rows  109,329/s  4.6 MiB", lines[1]);
        Assert.DoesNotContain("━", lines[1], StringComparison.Ordinal);
        // Columns line up.
        Assert.Single(lines.Skip(1).Select(l => l.IndexOf("rows", StringComparison.Ordinal)).Distinct());
    }

    [Fact]
    public void Render_MoreWorkersThanRows_SummarisesTheRest()
    {
        var lines = Plain(ProgressLayout.Render(Overall, Workers, width: 100, height: 5, unicode: true));

        Assert.Equal(4, lines.Count);
        Assert.Equal("  … and 2 more", lines[^1]);
    }

    [Fact]
    public void Render_WhilePlanning_SaysSo()
    {
        var planning = Overall with { Total = null };

        var lines = Plain(ProgressLayout.Render(planning, [], width: 80, height: 24, unicode: true));

        Assert.Equal(["archiving public.events  planning…  1:23"], lines);
    }

    [Fact]
    public void Render_WithoutUnicode_DrawsBarsInAscii()
    {
        var lines = Plain(ProgressLayout.Render(Overall with { Fraction = 0.5 }, Workers, width: 160, height: 40, unicode: false));

        Assert.Contains("###############---------------", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains('━', StringComparison.Ordinal));
    }

    [Fact]
    public void Render_NamesWithMarkupCharacters_AreEscaped()
    {
        WorkerView[] odd = [new("odd[name]", "extracting", 1, 2, false, null, 0)];

        var lines = Plain(ProgressLayout.Render(Overall, odd, width: 100, height: 10, unicode: true));

        Assert.StartsWith("  odd[name]  extracting", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "0:00")]
    [InlineData(59, "0:59")]
    [InlineData(61, "1:01")]
    [InlineData(3599, "59:59")]
    [InlineData(3661, "1:01:01")]
    public void Clock_Formats(int seconds, string expected) => Assert.Equal(expected, ProgressLayout.Clock(TimeSpan.FromSeconds(seconds)));

    private static List<string> Plain(IReadOnlyList<string> markup) => markup.Select(line => Markup.Remove(line).TrimEnd()).ToList();
}
