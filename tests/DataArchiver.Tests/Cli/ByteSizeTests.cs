using DataArchiver.Cli.Configuration;

namespace DataArchiver.Tests.Cli;

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("104857600", 104_857_600L)]
    [InlineData("512B", 512L)]
    [InlineData("1KiB", 1_024L)]
    [InlineData("100MiB", 104_857_600L)]
    [InlineData("5GiB", 5_368_709_120L)]
    [InlineData("1TiB", 1_099_511_627_776L)]
    [InlineData("1KB", 1_000L)]
    [InlineData("64MB", 64_000_000L)]
    [InlineData("2GB", 2_000_000_000L)]
    [InlineData("1TB", 1_000_000_000_000L)]
    [InlineData("100mib", 104_857_600L)]
    [InlineData("100 MiB", 104_857_600L)]
    [InlineData(" 8 kb ", 8_000L)]
    public void TryParse_ValidSize_ReturnsBytes(string text, long expected)
    {
        Assert.True(ByteSize.TryParse(text, out var bytes));
        Assert.Equal(expected, bytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("MiB")]
    [InlineData("-1")]
    [InlineData("+5")]
    [InlineData("1.5GiB")]
    [InlineData("1,000")]
    [InlineData("10M")]
    [InlineData("10K")]
    [InlineData("10 Mbit")]
    [InlineData("10XB")]
    [InlineData("0x10")]
    [InlineData("9223372036854775807KiB")]
    [InlineData("99999999999999999999")]
    public void TryParse_InvalidSize_ReturnsFalse(string text) => Assert.False(ByteSize.TryParse(text, out _));

    [Theory]
    [InlineData(5L << 20, "5MiB")]
    [InlineData(5L << 30, "5GiB")]
    [InlineData(1536L, "1536")]
    [InlineData(3072L, "3KiB")]
    [InlineData(0L, "0")]
    public void Format_Value_UsesLargestExactBinaryUnit(long bytes, string expected) => Assert.Equal(expected, ByteSize.Format(bytes));
}
