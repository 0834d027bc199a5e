using DataArchiver.Core.Configuration;
using DataArchiver.Core.Planning;
using DataArchiver.Core.State;
using DataArchiver.Tests.Pipeline;

namespace DataArchiver.Tests.Planning;

public sealed class WindowPlannerTests
{
    private static PlanOptions Settings(OutputDuration? duration, string start, string end) => TestSettings.Plan() with
    {
        DateColumn = "at",
        OutputDuration = duration,
        StartDate = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
        EndDate = DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static DateTime Utc(int y, int m, int d) => new(y, m, d, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Plan_WeeklyFromAWednesday_FirstWindowStartsThatWednesdayAndLastEndsAfterTheRange()
    {
        var plan = WindowPlanner.Plan(Settings(OutputDuration.Weekly, "2024-01-31", "2024-02-13"), DateColumnType.TimestampTz);

        Assert.Equal(["a/t/t-2024-W05.jsonl.zst", "a/t/t-2024-W06.jsonl.zst", "a/t/t-2024-W07.jsonl.zst"], plan.Units.Select(u => u.Key));
        Assert.Equal(Utc(2024, 1, 31), plan.Units[0].Window!.Start);
        Assert.Equal(Utc(2024, 2, 5), plan.Units[0].Window!.End);
        Assert.Equal(Utc(2024, 2, 12), plan.Units[2].Window!.Start);
        Assert.Equal(Utc(2024, 2, 14), plan.Units[2].Window!.End);
    }

    [Fact]
    public void Plan_MonthlyAcrossThreeMonths_ClampedAndContiguous()
    {
        var plan = WindowPlanner.Plan(Settings(OutputDuration.Monthly, "2024-01-15", "2024-03-10"), DateColumnType.Date);

        Assert.Equal(["a/t/t-2024-01.jsonl.zst", "a/t/t-2024-02.jsonl.zst", "a/t/t-2024-03.jsonl.zst"], plan.Units.Select(u => u.Key));
        Assert.Equal(Utc(2024, 1, 15), plan.Units[0].Window!.Start);
        for (var i = 1; i < plan.Units.Count; i++)
            Assert.Equal(plan.Units[i - 1].Window!.End, plan.Units[i].Window!.Start);
        Assert.Equal(Utc(2024, 3, 11), plan.Units[^1].Window!.End);
    }

    [Fact]
    public void Plan_NoDurationGiven_Daily()
    {
        var plan = WindowPlanner.Plan(Settings(null, "2024-02-28", "2024-03-01"), DateColumnType.Timestamp);

        Assert.Equal(["2024-02-28", "2024-02-29", "2024-03-01"], plan.Units.Select(u => u.Period.Name));
    }

    [Fact]
    public void Plan_HourlyOnDateColumn_Rejected()
    {
        var error = Assert.Throws<ConfigurationException>(() =>
            WindowPlanner.Plan(Settings(OutputDuration.Hourly, "2024-01-01", "2024-01-01"), DateColumnType.Date));
        Assert.Contains("hourly", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_YearlyAndHourly_NamesAndCounts()
    {
        Assert.Equal(["2023", "2024"], WindowPlanner.Plan(Settings(OutputDuration.Yearly, "2023-12-31", "2024-01-01"),
            DateColumnType.Date).Units.Select(u => u.Period.Name));
        Assert.Equal(48, WindowPlanner.Plan(Settings(OutputDuration.Hourly, "2024-01-01", "2024-01-02"),
            DateColumnType.TimestampTz).Units.Count);
    }

    [Fact]
    public void WidenToStored_RecordsOfOtherDates_WindowsGrowToKeepThemWithinTheirPeriod()
    {
        var plan = WindowPlanner.Plan(Settings(OutputDuration.Weekly, "2024-01-29", "2024-01-30"), DateColumnType.TimestampTz);
        var key = plan.Units[0].Key;
        var stored = new ObjectRecord
        {
            Md5 = "00", RowsFrom = new DateTimeOffset(Utc(2024, 1, 31)), RowsTo = new DateTimeOffset(Utc(2024, 2, 12)),
        };

        var widened = WindowPlanner.WidenToStored(plan, k => k == key ? stored : null);

        Assert.Equal(Utc(2024, 1, 29), widened.Units[0].Window!.Start);
        Assert.Equal(Utc(2024, 2, 5), widened.Units[0].Window!.End);
    }

    [Theory]
    [InlineData(true, false, false)] // a failed attempt stored nothing
    [InlineData(false, true, true)] // written before spans were kept
    public void WidenToStored_RecordsWithoutStoredRowsOrSpan_LeaveTheWindow(bool failedOnly, bool noSpan, bool hasMd5)
    {
        var plan = WindowPlanner.Plan(Settings(OutputDuration.Weekly, "2024-01-31", "2024-02-04"), DateColumnType.TimestampTz);
        var record = new ObjectRecord
        {
            Md5 = hasMd5 ? "00" : null,
            LastError = failedOnly ? "boom" : null,
            RowsFrom = noSpan ? null : new DateTimeOffset(Utc(2024, 1, 29)),
            RowsTo = noSpan ? null : new DateTimeOffset(Utc(2024, 2, 5)),
        };

        var widened = WindowPlanner.WidenToStored(plan, _ => record);

        Assert.Same(plan.Units[0], widened.Units[0]);
    }

    [Theory]
    [InlineData("timestamp with time zone", DateColumnType.TimestampTz)]
    [InlineData("timestamp(3) with time zone", DateColumnType.TimestampTz)]
    [InlineData("timestamp without time zone", DateColumnType.Timestamp)]
    [InlineData("timestamp(0) without time zone", DateColumnType.Timestamp)]
    [InlineData("date", DateColumnType.Date)]
    public void ParseColumnType_Supported(string typeName, DateColumnType expected) =>
        Assert.Equal(expected, WindowPlanner.ParseColumnType("at", typeName));

    [Theory]
    [InlineData("text")]
    [InlineData(null)]
    public void ParseColumnType_Unsupported_ConfigurationError(string? typeName) =>
        Assert.Throws<ConfigurationException>(() => WindowPlanner.ParseColumnType("at", typeName));
}
