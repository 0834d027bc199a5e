using DataArchiver.Core.Configuration;

namespace DataArchiver.Tests.Cli;

public sealed class CompressionSettingsTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("zstd", CompressionCodec.Zstd, 3)]
    [InlineData("gzip", CompressionCodec.Gzip, 6)]
    [InlineData("lz4", CompressionCodec.Lz4, 1)]
    [InlineData("none", CompressionCodec.None, 0)]
    public void Bind_NoCompressionLevel_UsesCodecDefault(string codec, CompressionCodec expected, int level)
    {
        var settings = _cli.BindArchive(_cli.Args("--compression", codec));
        Assert.Equal(expected, settings.Compression);
        Assert.Equal(level, settings.CompressionLevel);
    }

    [Theory]
    [InlineData("zstd", "1")]
    [InlineData("zstd", "22")]
    [InlineData("gzip", "1")]
    [InlineData("gzip", "9")]
    [InlineData("lz4", "1")]
    [InlineData("lz4", "12")]
    public void Bind_CompressionLevelInRange_IsKept(string codec, string level) =>
        Assert.Equal(int.Parse(level, System.Globalization.CultureInfo.InvariantCulture),
            _cli.BindArchive(_cli.Args("--compression", codec, "--compression-level", level)).CompressionLevel);

    [Theory]
    [InlineData("zstd", "0", "1 and 22")]
    [InlineData("zstd", "23", "1 and 22")]
    [InlineData("gzip", "0", "1 and 9")]
    [InlineData("gzip", "10", "1 and 9")]
    [InlineData("lz4", "0", "1 and 12")]
    [InlineData("lz4", "13", "1 and 12")]
    public void Bind_CompressionLevelOutOfRange_ThrowsNamingCodec(string codec, string level, string range) =>
        Assert.Equal($"--compression-level must be between {range} for {codec}, got \"{level}\"",
            _cli.ArchiveError(_cli.Args("--compression", codec, "--compression-level", level)).Message);

    [Theory]
    [InlineData("99")]
    [InlineData("fast")]
    public void Bind_CompressionNoneWithAnyLevel_IgnoresLevel(string level) =>
        Assert.Equal(0, _cli.BindArchive(_cli.Args("--compression", "none", "--compression-level", level)).CompressionLevel);

    [Fact]
    public void Bind_LevelFromFileCodecFromFlag_ChecksAgainstTheCodecInForce()
    {
        _cli.WriteConfig("compression: zstd\ncompression_level: 15\n");
        Assert.Equal(15, _cli.BindArchive(_cli.Args()).CompressionLevel);
        Assert.StartsWith("--compression-level must be between 1 and 9 for gzip, got \"15\" (from compression_level in ",
            _cli.ArchiveError(_cli.Args("--compression", "gzip")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jsonl")]
    [InlineData("csv")]
    public void Bind_SnappyWithoutParquet_Throws(string format) =>
        Assert.Equal("--compression snappy is only available with --output-format parquet",
            _cli.ArchiveError(_cli.Args("--output-format", format, "--compression", "snappy")).Message);

    [Fact]
    public void Bind_Lz4WithParquet_Throws() =>
        Assert.Equal("--compression lz4 is not available with --output-format parquet (use zstd, gzip, snappy or none)",
            _cli.ArchiveError(_cli.Args("--output-format", "parquet", "--compression", "lz4")).Message);

    [Theory]
    [InlineData("zstd", CompressionCodec.Zstd, 3)]
    [InlineData("gzip", CompressionCodec.Gzip, 6)]
    [InlineData("snappy", CompressionCodec.Snappy, 0)]
    [InlineData("none", CompressionCodec.None, 0)]
    public void Bind_ParquetCodec_IsAccepted(string codec, CompressionCodec expected, int level)
    {
        var settings = _cli.BindArchive(_cli.Args("--output-format", "parquet", "--compression", codec, "--compression-level", level == 0 ? "40" : level.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(expected, settings.Compression);
        Assert.Equal(level, settings.CompressionLevel);
    }
}
