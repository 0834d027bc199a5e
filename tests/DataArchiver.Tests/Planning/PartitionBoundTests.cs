using DataArchiver.Core.Planning;

namespace DataArchiver.Tests.Planning;

public sealed class PartitionBoundTests
{
    private static DateTime Utc(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void TryParse_DateBound_ReturnsSpan() =>
        Assert.Equal((Utc(2024, 1, 1), Utc(2024, 1, 2)), PartitionBound.TryParse("FOR VALUES FROM ('2024-01-01') TO ('2024-01-02')"));

    [Fact]
    public void TryParse_TimestampBound_ReturnsSpan() =>
        Assert.Equal((Utc(2024, 1, 1, 6), Utc(2024, 1, 1, 7)),
            PartitionBound.TryParse("FOR VALUES FROM ('2024-01-01 06:00:00') TO ('2024-01-01 07:00:00')"));

    [Fact]
    public void TryParse_TimestampMicroseconds_ReturnsSpan() =>
        Assert.Equal((Utc(2024, 1, 1).AddTicks(1234560), Utc(2024, 2, 1)),
            PartitionBound.TryParse("FOR VALUES FROM ('2024-01-01 00:00:00.123456') TO ('2024-02-01 00:00:00')"));

    [Fact]
    public void TryParse_TimestamptzInUtc_ReturnsSpan() =>
        Assert.Equal((Utc(2024, 3, 1), Utc(2024, 4, 1)),
            PartitionBound.TryParse("FOR VALUES FROM ('2024-03-01 00:00:00+00') TO ('2024-04-01 00:00:00+00')"));

    [Fact]
    public void TryParse_TimestamptzWithOffset_IsConvertedToUtc() =>
        Assert.Equal((Utc(2023, 12, 31, 22), Utc(2024, 1, 1, 22)),
            PartitionBound.TryParse("FOR VALUES FROM ('2024-01-01 00:00:00+02') TO ('2024-01-02 00:00:00+02')"));

    [Theory]
    [InlineData("FOR VALUES FROM (MINVALUE) TO ('2024-01-01')")]
    [InlineData("FOR VALUES FROM ('2024-01-01') TO (MAXVALUE)")]
    [InlineData("DEFAULT")]
    [InlineData("FOR VALUES FROM (1) TO (100)")]
    [InlineData("FOR VALUES FROM ('a') TO ('b')")]
    [InlineData("FOR VALUES IN ('2024-01-01')")]
    [InlineData("FOR VALUES WITH (modulus 4, remainder 0)")]
    [InlineData("FOR VALUES FROM ('2024-01-01', 1) TO ('2024-01-02', 1)")]
    [InlineData("FOR VALUES FROM ('2024-01-02') TO ('2024-01-01')")]
    [InlineData("FOR VALUES FROM ('2024-01-01') TO ('2024-01-01')")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_NotADateRange_ReturnsNull(string? bound) => Assert.Null(PartitionBound.TryParse(bound));
}
