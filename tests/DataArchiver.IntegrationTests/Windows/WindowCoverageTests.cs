using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Windows;

public sealed class WindowCoverageTests(WindowTables tables) : IClassFixture<WindowTables>, IDisposable
{
    private readonly ArchiveArgs _args = new();

    public void Dispose() => _args.Dispose();

    public static TheoryData<string, TableKind> Cases()
    {
        var cases = new TheoryData<string, TableKind>();
        foreach (var duration in new[] { "hourly", "daily", "weekly", "monthly", "yearly" })
        {
            foreach (var kind in Enum.GetValues<TableKind>())
                cases.Add(duration, kind);
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Archive_DurationOnTableKind_EveryRowOfTheRangeInExactlyOneObjectOfItsPeriod(string duration, TableKind kind)
    {
        var table = tables[kind];
        var prefix = TestServices.UniqueName("win");
        var (start, end) = WindowData.RangeFor(duration);

        var run = await CliRunner.RunAsync(
            _args.ToS3(table, prefix, start, end, "--date-column", "at", "--output-duration", duration, "--compression", "none", "--workers", "8"),
            _args.Environment);

        await WindowAssert.ArchivedExactlyAsync(run, table, prefix, duration, start, end);
    }

    [Theory]
    [InlineData("weekly", new[] { "2023-W52", "2024-W01", "2024-W02", "2024-W03", "2024-W04", "2024-W05", "2024-W06", "2024-W07", "2024-W08", "2024-W09" })]
    [InlineData("monthly", new[] { "2023-12", "2024-01", "2024-02" })]
    [InlineData("yearly", new[] { "2023", "2024" })]
    public void ExpectedPeriods_MainRange_AreTheDocumentedNames(string duration, string[] names)
    {
        var (start, end) = WindowData.MainRange;

        Assert.Equal(names, ExpectedPeriod.AllIn(duration, start, end).Select(p => p.Name).Order(StringComparer.Ordinal));
    }
}
