namespace DataArchiver.Core.Configuration;

/// <summary>The compression applied to an archived object.</summary>
public enum CompressionCodec
{
    /// <summary>Zstandard frames.</summary>
    Zstd,
    /// <summary>gzip (RFC 1952).</summary>
    Gzip,
    /// <summary>LZ4 frame format.</summary>
    Lz4,
    /// <summary>Snappy; only inside Parquet files.</summary>
    Snappy,
    /// <summary>No compression.</summary>
    None,
}
