using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Windows;

public sealed class DateColumnTypeTests : IDisposable
{
    private readonly ArchiveArgs _args = new();

    public void Dispose() => _args.Dispose();

    [Theory]
    [InlineData("timestamptz", TableKind.MonthlyPartitions, "daily")]
    [InlineData("timestamp", TableKind.MonthlyPartitions, "daily")]
    [InlineData("date", TableKind.MonthlyPartitions, "daily")]
    [InlineData("timestamp", TableKind.DailyPartitions, "weekly")]
    [InlineData("date", TableKind.DailyPartitions, "monthly")]
    [InlineData("timestamp", TableKind.Plain, "hourly")]
    public async Task Archive_DateColumnOfType_EveryRowOfTheRangeInExactlyOneObjectOfItsPeriod(string sqlType, TableKind kind, string duration)
    {
        var table = TestServices.UniqueName("wt");
        var prefix = TestServices.UniqueName("wty");
        await Db.ExecuteAsync(WindowData.CreateSql(table, kind, sqlType));
        var (start, end) = WindowData.RangeFor(duration);

        var run = await CliRunner.RunAsync(
            _args.ToS3(table, prefix, start, end, "--date-column", "at", "--output-duration", duration, "--compression", "none", "--workers", "8"),
            _args.Environment);

        await WindowAssert.ArchivedExactlyAsync(run, table, prefix, duration, start, end);
    }

    [Fact]
    public async Task Archive_HourlyOnADateColumn_UsageErrorNothingWritten()
    {
        var table = TestServices.UniqueName("wth");
        var prefix = TestServices.UniqueName("wty");
        await Db.ExecuteAsync($"CREATE TABLE {table} (id int, day date); INSERT INTO {table} VALUES (1, '2024-01-01');");

        var run = await CliRunner.RunAsync(
            _args.ToS3(table, prefix, "2024-01-01", "2024-01-01", "--date-column", "day", "--output-duration", "hourly"), _args.Environment);

        await WindowAssert.RejectedAsync(run, prefix, "--output-duration hourly", "day is a date");
    }

    [Fact]
    public async Task Archive_DateColumnOfAnotherType_UsageErrorNamingTheType()
    {
        var table = TestServices.UniqueName("wtx");
        var prefix = TestServices.UniqueName("wty");
        await Db.ExecuteAsync($"CREATE TABLE {table} (id int, at text); INSERT INTO {table} VALUES (1, '2024-01-01');");

        var run = await CliRunner.RunAsync(_args.ToS3(table, prefix, "2024-01-01", "2024-01-01", "--date-column", "at"), _args.Environment);

        await WindowAssert.RejectedAsync(run, prefix, "--date-column at has type text");
    }
}
