using DataArchiver.Storage.S3;

namespace DataArchiver.Tests.Storage;

public sealed class PartSizingTests
{
    private const long MiB = 1024 * 1024;

    [Theory]
    [InlineData(0, 8)]
    [InlineData(100 * MiB, 8)]
    [InlineData(10_000 * 8 * MiB, 8)]
    [InlineData(10_000 * 8 * MiB + 1, 16)]
    [InlineData(100_000_000_000, 16)]
    [InlineData(1_000_000_000_000, 128)]
    public void Choose_NoConfiguredSize_PicksSmallestPowerOfTwoMultipleOf8MiBWithin10000Parts(long length, long expectedMiB)
    {
        var size = PartSizing.Choose(length, null);

        Assert.Equal(expectedMiB * MiB, size);
        Assert.True(PartSizing.PartCount(length, size) <= PartSizing.MaxParts);
    }

    [Fact]
    public void Choose_ConfiguredSize_IsUsed() =>
        Assert.Equal(5 * MiB, PartSizing.Choose(12 * MiB, 5 * MiB));

    [Fact]
    public void Choose_ConfiguredSizeNeedingTooManyParts_Throws() =>
        Assert.Throws<ArgumentException>(() => PartSizing.Choose(10_001 * 5 * MiB, 5 * MiB));

    [Theory]
    [InlineData(0, 5, 1)]
    [InlineData(5, 5, 1)]
    [InlineData(6, 5, 2)]
    [InlineData(12, 5, 3)]
    public void PartCount_RoundsUpAndNeverReturnsZero(long length, long partSize, long expected) =>
        Assert.Equal(expected, PartSizing.PartCount(length, partSize));
}
