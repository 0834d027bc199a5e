using System.Text;
using DataArchiver.Core.Formats.Json;
using DataArchiver.Core.PostgresTypes;

namespace DataArchiver.Tests.Formats;

public sealed class PostgresDateTimeTextTests
{
    // Days and microseconds count from 2000-01-01; expected texts are what to_json prints in a TimeZone=UTC session.
    [Theory]
    [InlineData(0, "2000-01-01")]
    [InlineData(-1, "1999-12-31")]
    [InlineData(59, "2000-02-29")]
    [InlineData(8_766, "2024-01-01")]
    [InlineData(-730_119, "0001-01-01")]
    [InlineData(-730_120, "0001-12-31 BC")]
    [InlineData(-746_117, "0044-03-15 BC")]
    [InlineData(-2_451_545, "4714-11-24 BC")]
    [InlineData(2_145_031_948, "5874897-12-31")]
    [InlineData(2_921_940, "10000-01-01")]
    [InlineData(int.MaxValue, "infinity")]
    [InlineData(int.MinValue, "-infinity")]
    public void FormatDate_Days_IsoDate(int days, string expected) =>
        Assert.Equal(expected, Text(span => PostgresDateTimeText.FormatDate(days, span)));

    [Theory]
    [InlineData(0L, "00:00:00")]
    [InlineData(1L, "00:00:00.000001")]
    [InlineData(43_200_100_000L, "12:00:00.1")]
    [InlineData(43_200_120_000L, "12:00:00.12")]
    [InlineData(43_200_123_450L, "12:00:00.12345")]
    [InlineData(86_399_999_999L, "23:59:59.999999")]
    [InlineData(86_400_000_000L, "24:00:00")]
    public void FormatTime_Micros_TrailingZerosTrimmed(long micros, string expected) =>
        Assert.Equal(expected, Text(span => PostgresDateTimeText.FormatTime(micros, span)));

    [Theory]
    [InlineData(0L, false, "2000-01-01T00:00:00")]
    [InlineData(-1L, false, "1999-12-31T23:59:59.999999")]
    [InlineData(-1L, true, "1999-12-31T23:59:59.999999+00:00")]
    [InlineData(757_419_600_000_000L, true, "2024-01-01T10:20:00+00:00")]
    [InlineData(757_419_600_500_000L, false, "2024-01-01T10:20:00.5")]
    [InlineData(-63_082_281_600_000_000L, false, "0001-01-01T00:00:00")]
    [InlineData(-63_082_281_600_000_001L, true, "0001-12-31T23:59:59.999999+00:00 BC")]
    [InlineData(-211_813_488_000_000_000L, false, "4714-11-24T00:00:00 BC")]
    [InlineData(9_223_371_331_199_999_999L, false, "294276-12-31T23:59:59.999999")]
    [InlineData(long.MaxValue, true, "infinity")]
    [InlineData(long.MinValue, false, "-infinity")]
    public void FormatTimestamp_Micros_IsoDateTime(long micros, bool withOffset, string expected) =>
        Assert.Equal(expected, Text(span => PostgresDateTimeText.FormatTimestamp(micros, withOffset, span)));

    [Fact]
    public void FormatDate_EveryDayOf400Years_AgreesWithDateOnly()
    {
        var start = new DateOnly(1800, 1, 1);
        var epoch = new DateOnly(2000, 1, 1).DayNumber;
        for (var day = start; day.Year < 2200; day = day.AddDays(1))
            Assert.Equal(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Text(span => PostgresDateTimeText.FormatDate(day.DayNumber - epoch, span)));
    }

    private delegate int Formatter(Span<byte> destination);

    private static string Text(Formatter format)
    {
        Span<byte> buffer = stackalloc byte[PostgresDateTimeText.MaxLength];
        return Encoding.ASCII.GetString(buffer[..format(buffer)]);
    }
}
