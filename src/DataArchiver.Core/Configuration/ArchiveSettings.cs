using DataArchiver.Core.Planning;

namespace DataArchiver.Core.Configuration;

/// <summary>
/// Everything one <c>archive</c> run needs, already validated: built by the CLI from flags, environment and
/// the config file, consumed by the pipeline. Secrets live only in <see cref="Database"/> and <see cref="S3"/>
/// and are excluded from every <c>ToString</c>.
/// </summary>
public sealed record ArchiveSettings
{
    /// <summary>Database connection.</summary>
    public required DatabaseSettings Database { get; init; }
    /// <summary>S3 destination; <c>null</c> when <see cref="LocalDirectory"/> is used.</summary>
    public S3Settings? S3 { get; init; }
    /// <summary>Write objects below this directory instead of S3.</summary>
    public string? LocalDirectory { get; init; }
    /// <summary>The key prefix template, containing <c>{table}</c>.</summary>
    public required PathTemplate PathTemplate { get; init; }
    /// <summary>Schema of the table.</summary>
    public required string Schema { get; init; }
    /// <summary>The (partitioned) table to archive.</summary>
    public required string Table { get; init; }
    /// <summary>First day of the range, inclusive.</summary>
    public required DateOnly StartDate { get; init; }
    /// <summary>Last day of the range, inclusive.</summary>
    public required DateOnly EndDate { get; init; }
    /// <summary>File format.</summary>
    public required OutputFormat Format { get; init; }
    /// <summary>Compression codec.</summary>
    public required CompressionCodec Compression { get; init; }
    /// <summary>Codec level (validated per codec; ignored for none).</summary>
    public required int CompressionLevel { get; init; }
    /// <summary>Explicit output period, or <c>null</c> for each partition's own period.</summary>
    public OutputDuration? OutputDuration { get; init; }
    /// <summary>Column that dates each row, for date windows.</summary>
    public string? DateColumn { get; init; }
    /// <summary>Rows per chunk handed from extraction to encoding (and per Parquet row group).</summary>
    public required int ChunkSize { get; init; }
    /// <summary>Units processed concurrently.</summary>
    public required int Workers { get; init; }
    /// <summary>Do everything but upload and record.</summary>
    public bool DryRun { get; init; }
    /// <summary>Use planner estimates instead of exact counts.</summary>
    public bool SkipCount { get; init; }
    /// <summary>Re-archive even what is already stored.</summary>
    public bool Force { get; init; }
    /// <summary>Verbose diagnostics.</summary>
    public bool Debug { get; init; }
    /// <summary>Where temp files are written before upload (default: the system temp directory).</summary>
    public string? TempDirectory { get; init; }
    /// <summary>Where state files live (default: <c>~/.data-archiver</c>).</summary>
    public string? StateDirectory { get; init; }
    /// <summary>Log line format.</summary>
    public LogFormat LogFormat { get; init; } = LogFormat.Text;
}
