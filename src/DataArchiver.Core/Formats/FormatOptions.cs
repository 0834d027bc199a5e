using DataArchiver.Core.Configuration;

namespace DataArchiver.Core.Formats;

/// <summary>
/// How rows are encoded into a file: format, codec and level, chunking. Formats that compress internally (Parquet)
/// apply the codec themselves; the others are compressed as a stream after the writer. Defaults are those of
/// <see cref="Defaults"/>.
/// </summary>
public sealed record FormatOptions
{
    /// <summary>The defaults of the command line.</summary>
    public static FormatOptions Default { get; } = new();

    /// <summary>The file format.</summary>
    public OutputFormat Format { get; init; } = Defaults.Format;

    /// <summary>The codec: inside the file for Parquet, around it otherwise.</summary>
    public CompressionCodec Codec { get; init; } = Defaults.Compression;

    /// <summary>Level of <see cref="Codec"/> where it has levels.</summary>
    public int CompressionLevel { get; init; } = Defaults.CompressionLevel(Defaults.Compression);

    /// <summary>Rows buffered before they are written out together (a Parquet row group).</summary>
    public int ChunkSize { get; init; } = Defaults.ChunkSize;

    /// <summary>Buffered bytes after which a chunk is written out early, so very wide values cannot make memory grow with the chunk size.</summary>
    public long ChunkByteLimit { get; init; } = Defaults.ChunkByteLimit;
}
