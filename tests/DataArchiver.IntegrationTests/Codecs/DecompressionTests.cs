using System.Security.Cryptography;
using DataArchiver.Core.Codecs;
using DataArchiver.Core.Configuration;
using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Codecs;

/// <summary>The restore direction's decompression reads what each codec's own command-line tool writes, and what we write.</summary>
public sealed class DecompressionTests
{
    /// <summary>Half random (incompressible), half repetitive, larger than any codec's block.</summary>
    private static readonly byte[] Payload = [.. RandomNumberGenerator.GetBytes(300_000), .. Enumerable.Repeat((byte)'a', 700_000)];

    [Theory]
    [InlineData(CompressionCodec.Zstd, "zstd", new[] { "-q", "-c", "-3" })]
    [InlineData(CompressionCodec.Zstd, "zstd", new[] { "-q", "-c", "-19", "--no-check" })]
    [InlineData(CompressionCodec.Gzip, "gzip", new[] { "-c", "-6" })]
    [InlineData(CompressionCodec.Lz4, "lz4", new[] { "-q", "-c", "-9" })]
    [InlineData(CompressionCodec.Lz4, "lz4", new[] { "-q", "-c", "-1", "--content-size" })]
    public async Task Unwrap_FileWrittenByTheCli_YieldsTheOriginalBytes(CompressionCodec codec, string tool, string[] arguments)
    {
        var compressed = await Tools.PipeAsync(tool, Payload, arguments);

        Assert.Equal(Payload, await ReadAllAsync(codec, compressed));
    }

    [Fact]
    public async Task Unwrap_ConcatenatedGzipMembers_YieldsBoth()
    {
        var first = await Tools.PipeAsync("gzip", Payload[..1000], "-c");
        var second = await Tools.PipeAsync("gzip", Payload[1000..2000], "-c");

        Assert.Equal(Payload[..2000], await ReadAllAsync(CompressionCodec.Gzip, [.. first, .. second]));
    }

    [Theory]
    [InlineData(CompressionCodec.Zstd)]
    [InlineData(CompressionCodec.Gzip)]
    [InlineData(CompressionCodec.Lz4)]
    [InlineData(CompressionCodec.None)]
    public async Task Unwrap_WhatWrapWrote_YieldsTheOriginalBytesAndLeavesTheInputOpen(CompressionCodec codec)
    {
        using var written = new MemoryStream();
        await using (var compressor = Compression.Wrap(written, codec, Compression.LevelRange(codec)?.Min ?? 0))
            await compressor.WriteAsync(Payload);
        written.Position = 0;

        using var input = written;
        await using (var decompressor = Decompression.Unwrap(input, codec))
        {
            using var copy = new MemoryStream();
            await decompressor.CopyToAsync(copy);
            Assert.Equal(Payload, copy.ToArray());
        }
        Assert.True(input.CanRead, "the input was closed");
    }

    [Theory]
    [InlineData(CompressionCodec.Zstd)]
    [InlineData(CompressionCodec.Gzip)]
    [InlineData(CompressionCodec.Lz4)]
    public async Task Unwrap_NotDataOfTheCodec_Fails(CompressionCodec codec) =>
        await Assert.ThrowsAnyAsync<Exception>(() => ReadAllAsync(codec, [.. "this is plain text, not compressed"u8]));

    [Fact]
    public void Unwrap_Snappy_IsNotAStreamCodec() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Decompression.Unwrap(Stream.Null, CompressionCodec.Snappy));

    private static async Task<byte[]> ReadAllAsync(CompressionCodec codec, byte[] compressed)
    {
        using var input = new MemoryStream(compressed);
        await using var decompressor = Decompression.Unwrap(input, codec);
        using var output = new MemoryStream();
        await decompressor.CopyToAsync(output);
        return output.ToArray();
    }
}
