using DataArchiver.Core.Configuration;
using DataArchiver.Core.Planning;

namespace DataArchiver.Tests.Planning;

public sealed class PeriodTests
{
    private static DateTime Utc(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(OutputDuration.Hourly, 2024, 3, 7, 5, "2024-03-07-05")]
    [InlineData(OutputDuration.Daily, 2024, 3, 7, 0, "2024-03-07")]
    [InlineData(OutputDuration.Monthly, 2024, 3, 1, 0, "2024-03")]
    [InlineData(OutputDuration.Yearly, 2024, 1, 1, 0, "2024")]
    [InlineData(OutputDuration.Weekly, 2024, 3, 4, 0, "2024-W10")]
    public void Name_EachDuration_UsesItsFormat(OutputDuration duration, int year, int month, int day, int hour, string expected) =>
        Assert.Equal(expected, new Period(duration, Utc(year, month, day, hour)).Name);

    [Theory]
    [InlineData(2024, 12, 30, "2025-W01")] // Monday of the week holding 2025-01-01
    [InlineData(2020, 12, 28, "2020-W53")] // a 53-week year; 2021-01-01 belongs to it
    [InlineData(2021, 1, 4, "2021-W01")]
    [InlineData(2018, 12, 31, "2019-W01")]
    public void Name_WeekAcrossYearBoundary_UsesIsoWeekYear(int year, int month, int day, string expected) =>
        Assert.Equal(expected, new Period(OutputDuration.Weekly, Utc(year, month, day)).Name);

    [Theory]
    [InlineData(OutputDuration.Hourly, 2024, 3, 7, 5, 2024, 3, 7, 6)]
    [InlineData(OutputDuration.Daily, 2024, 2, 28, 0, 2024, 2, 29, 0)]
    [InlineData(OutputDuration.Weekly, 2024, 12, 30, 0, 2025, 1, 6, 0)]
    [InlineData(OutputDuration.Monthly, 2024, 2, 1, 0, 2024, 3, 1, 0)]
    [InlineData(OutputDuration.Yearly, 2024, 1, 1, 0, 2025, 1, 1, 0)]
    public void End_EachDuration_IsOnePeriodLater(OutputDuration duration, int y, int m, int d, int h, int ey, int em, int ed, int eh) =>
        Assert.Equal(Utc(ey, em, ed, eh), new Period(duration, Utc(y, m, d, h)).End);

    [Theory]
    [InlineData(2024, 3, 7, 5, 2024, 3, 7, 6, OutputDuration.Hourly)]
    [InlineData(2024, 3, 7, 0, 2024, 3, 8, 0, OutputDuration.Daily)]
    [InlineData(2024, 3, 4, 0, 2024, 3, 11, 0, OutputDuration.Weekly)]
    [InlineData(2024, 3, 1, 0, 2024, 4, 1, 0, OutputDuration.Monthly)]
    [InlineData(2024, 1, 1, 0, 2025, 1, 1, 0, OutputDuration.Yearly)]
    public void FromSpan_WholePeriod_ReturnsIt(int y, int m, int d, int h, int ey, int em, int ed, int eh, OutputDuration expected) =>
        Assert.Equal(new Period(expected, Utc(y, m, d, h)), Period.FromSpan(Utc(y, m, d, h), Utc(ey, em, ed, eh)));

    [Theory]
    [InlineData(2024, 3, 5, 0, 2024, 3, 12, 0)]  // seven days starting on a Tuesday
    [InlineData(2024, 3, 1, 0, 2024, 3, 3, 0)]   // two days
    [InlineData(2024, 3, 15, 0, 2024, 4, 15, 0)] // a month not starting on the 1st
    [InlineData(2024, 3, 7, 5, 2024, 3, 8, 5)]   // a day not starting at midnight
    [InlineData(2024, 7, 1, 0, 2025, 7, 1, 0)]   // a year not starting on 1 January
    public void FromSpan_NotOneAlignedPeriod_ReturnsNull(int y, int m, int d, int h, int ey, int em, int ed, int eh) =>
        Assert.Null(Period.FromSpan(Utc(y, m, d, h), Utc(ey, em, ed, eh)));
}
