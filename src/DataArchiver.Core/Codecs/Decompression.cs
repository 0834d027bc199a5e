using System.IO.Compression;
using DataArchiver.Core.Configuration;
using K4os.Compression.LZ4.Streams;

namespace DataArchiver.Core.Codecs;

/// <summary>
/// The mirror of <see cref="Compression.Wrap"/> for the restore direction: wraps an input stream in the codec's
/// decoder. Each decoder reads what the codec's own command-line tool writes (<c>zstd</c>, <c>gzip</c>, <c>lz4</c>).
/// </summary>
public static class Decompression
{
    /// <summary>
    /// A stream that yields the decompressed bytes of <paramref name="input"/>, which stays open when the returned
    /// stream is disposed. A stream that is not valid data of the codec fails on read with <see cref="InvalidDataException"/>
    /// or the codec's own error.
    /// </summary>
    public static Stream Unwrap(Stream input, CompressionCodec codec) => codec switch
    {
        CompressionCodec.Zstd => new ZstdSharp.DecompressionStream(input, leaveOpen: true),
        CompressionCodec.Gzip => new GZipStream(input, CompressionMode.Decompress, leaveOpen: true),
        CompressionCodec.Lz4 => LZ4Stream.Decode(input, leaveOpen: true),
        CompressionCodec.None => new NonClosingReadStream(input),
        _ => throw new ArgumentOutOfRangeException(nameof(codec), codec, "not a stream codec"),
    };
}
