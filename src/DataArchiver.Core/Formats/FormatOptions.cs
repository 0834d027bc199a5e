using DataArchiver.Core.Configuration;

namespace DataArchiver.Core.Formats;

/// <summary>
/// What a format writer needs beyond its columns. Only formats that compress internally (Parquet) use the codec;
/// the others are compressed as a stream after the writer.
/// </summary>
public sealed record FormatOptions
{
    /// <summary>The defaults of the command line: zstd level 3, 10,000 rows per chunk.</summary>
    public static FormatOptions Default { get; } = new();

    /// <summary>Codec a format applies inside the file.</summary>
    public CompressionCodec Codec { get; init; } = CompressionCodec.Zstd;

    /// <summary>Level of <see cref="Codec"/> where it has levels.</summary>
    public int CompressionLevel { get; init; } = 3;

    /// <summary>Rows buffered before they are written out together (a Parquet row group).</summary>
    public int ChunkSize { get; init; } = 10_000;

    /// <summary>
    /// Buffered bytes after which a chunk is written out early, so very wide values cannot make memory grow with the
    /// chunk size. The native Parquet writer needs several times a row group's bytes while it encodes it, so this
    /// stays well below the size of a typical analytics row group.
    /// </summary>
    public long ChunkByteLimit { get; init; } = 16L * 1024 * 1024;

    /// <summary>The options of a run.</summary>
    public static FormatOptions From(ArchiveSettings settings) => new()
    {
        Codec = settings.Compression,
        CompressionLevel = settings.CompressionLevel,
        ChunkSize = settings.ChunkSize,
    };
}
