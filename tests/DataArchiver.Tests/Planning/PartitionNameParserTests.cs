using DataArchiver.Core.Configuration;
using DataArchiver.Core.Planning;

namespace DataArchiver.Tests.Planning;

public sealed class PartitionNameParserTests
{
    [Theory]
    [InlineData("t", "t_20240101", 2024, 1, 1)]
    [InlineData("t", "t_p20240101", 2024, 1, 1)]
    [InlineData("t", "t_20240229", 2024, 2, 29)]
    [InlineData("t", "t_20231231", 2023, 12, 31)]
    [InlineData("my_events", "my_events_20240615", 2024, 6, 15)]
    [InlineData("my_events", "my_events_p20240615", 2024, 6, 15)]
    public void TryParse_DailyName_ReturnsThatDay(string table, string partition, int year, int month, int day)
    {
        var period = PartitionNameParser.TryParse(table, partition);
        Assert.Equal(new Period(OutputDuration.Daily, new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc)), period);
    }

    [Theory]
    [InlineData("t", "t_2024_01", 2024, 1)]
    [InlineData("t", "t_2024_12", 2024, 12)]
    [InlineData("sales_eu", "sales_eu_2023_07", 2023, 7)]
    public void TryParse_MonthlyName_ReturnsThatMonth(string table, string partition, int year, int month)
    {
        var period = PartitionNameParser.TryParse(table, partition);
        Assert.Equal(new Period(OutputDuration.Monthly, new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Utc)), period);
    }

    [Theory]
    [InlineData("t", "t_2024010")]        // seven digits
    [InlineData("t", "t_202401011")]      // nine digits
    [InlineData("t", "t_20241301")]       // month 13
    [InlineData("t", "t_20240001")]       // month 0
    [InlineData("t", "t_20240230")]       // 30 February
    [InlineData("t", "t_20230229")]       // no leap day in 2023
    [InlineData("t", "t_20240100")]       // day 0
    [InlineData("t", "tx_20240101")]      // another table's prefix
    [InlineData("t", "t20240101")]        // no separator
    [InlineData("t", "T_20240101")]       // names are case-sensitive
    [InlineData("t", "t_2024_13")]        // month 13
    [InlineData("t", "t_2024_00")]        // month 0
    [InlineData("t", "t_2024_1")]         // one-digit month
    [InlineData("t", "t_20240101_old")]   // extra suffix
    [InlineData("t", "t_2024_01_x")]      // extra suffix
    [InlineData("t", "t_p20240101x")]     // extra suffix
    [InlineData("t", "t_q20240101")]      // unknown prefix letter
    [InlineData("t", "t_default")]
    [InlineData("t", "t_")]
    [InlineData("t", "t")]
    [InlineData("t", "t_00000101")]       // year 0
    [InlineData("t", "t_２０２４０１０１")] // non-ASCII digits
    [InlineData("t", "t_20240101\n")]    // trailing line break
    public void TryParse_NearMiss_HasNoDate(string table, string partition) =>
        Assert.Null(PartitionNameParser.TryParse(table, partition));

    [Fact]
    public void TryParse_TableNameIsPrefixOfAnother_OnlyMatchesOwnPrefix()
    {
        Assert.Null(PartitionNameParser.TryParse("events", "events_archive_20240101"));
        Assert.NotNull(PartitionNameParser.TryParse("events_archive", "events_archive_20240101"));
    }
}
