using System.IO.Compression;
using DataArchiver.Core.Configuration;
using K4os.Compression.LZ4;
using K4os.Compression.LZ4.Streams;

namespace DataArchiver.Core.Codecs;

/// <summary>Wraps an output stream in the chosen codec's encoder and knows each codec's level range.</summary>
public static class Compression
{
    /// <summary>The accepted level range of a codec, or <c>null</c> when levels do not apply.</summary>
    public static (int Min, int Max)? LevelRange(CompressionCodec codec) => codec switch
    {
        CompressionCodec.Zstd => (1, 22),
        CompressionCodec.Gzip => (1, 9),
        CompressionCodec.Lz4 => (1, 12),
        _ => null,
    };

    /// <summary>
    /// A stream that compresses what is written to it into <paramref name="output"/>, which stays open when the
    /// returned stream is disposed. Disposing the returned stream writes the codec's trailer.
    /// </summary>
    public static Stream Wrap(Stream output, CompressionCodec codec, int level) => codec switch
    {
        CompressionCodec.Zstd => new ZstdSharp.CompressionStream(output, level, bufferSize: 256 * 1024, leaveOpen: true),
        CompressionCodec.Gzip => new GZipStream(output, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true),
        CompressionCodec.Lz4 => LZ4Stream.Encode(output, new LZ4EncoderSettings
        {
            CompressionLevel = level < 3 ? LZ4Level.L00_FAST : (LZ4Level)level,
            ContentChecksum = true,
        }, leaveOpen: true),
        CompressionCodec.None => new NonClosingStream(output),
        _ => throw new ArgumentOutOfRangeException(nameof(codec), codec, "not a stream codec"),
    };
}
