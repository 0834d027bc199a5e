using DataArchiver.Core.Configuration;
using DataArchiver.Core.Formats;
using DataArchiver.Core.Pipeline;
using DataArchiver.Core.Planning;

namespace DataArchiver.Cli;

/// <summary>
/// Everything one <c>archive</c> run needs, already validated: built by the binder from flags, environment and the
/// config file, taken apart by the composition into each component's own options (<see cref="ToPlanOptions"/>,
/// <see cref="ToPipelineOptions"/>, …). Secrets live only in <see cref="Database"/> and <see cref="S3"/> and are
/// excluded from every <c>ToString</c>.
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
    public string Schema { get; init; } = Defaults.Schema;
    /// <summary>The (partitioned) table to archive.</summary>
    public required string Table { get; init; }
    /// <summary>First day of the range, inclusive.</summary>
    public required DateOnly StartDate { get; init; }
    /// <summary>Last day of the range, inclusive.</summary>
    public required DateOnly EndDate { get; init; }
    /// <summary>File format.</summary>
    public OutputFormat Format { get; init; } = Defaults.Format;
    /// <summary>Compression codec.</summary>
    public CompressionCodec Compression { get; init; } = Defaults.Compression;
    /// <summary>Codec level (validated per codec; ignored for none).</summary>
    public int CompressionLevel { get; init; } = Defaults.CompressionLevel(Defaults.Compression);
    /// <summary>Explicit output period, or <c>null</c> for each partition's own period.</summary>
    public OutputDuration? OutputDuration { get; init; }
    /// <summary>Column that dates each row, for date windows.</summary>
    public string? DateColumn { get; init; }
    /// <summary>Rows per chunk handed from extraction to encoding (and per Parquet row group).</summary>
    public int ChunkSize { get; init; } = Defaults.ChunkSize;
    /// <summary>Units processed concurrently.</summary>
    public int Workers { get; init; } = Defaults.Workers;
    /// <summary>How failed units are retried (<c>--db-max-retries</c>, <c>--db-retry-delay</c>).</summary>
    public RetryOptions Retry { get; init; } = new();
    /// <summary>Do everything but upload and record.</summary>
    public bool DryRun { get; init; }
    /// <summary>Use planner estimates instead of exact counts.</summary>
    public bool SkipCount { get; init; }
    /// <summary>Re-archive even what is already stored.</summary>
    public bool Force { get; init; }
    /// <summary>Verbose diagnostics.</summary>
    public bool Debug { get; init; }
    /// <summary>Where temp files are written before upload (an existing directory).</summary>
    public required string TempDirectory { get; init; }
    /// <summary>Where state and status files live.</summary>
    public required string StateDirectory { get; init; }
    /// <summary>Log line format.</summary>
    public LogFormat LogFormat { get; init; } = Defaults.LogFormat;

    /// <summary>The table as a schema-qualified name.</summary>
    public RelationName Relation() => new(Schema, Table);

    /// <summary>What the planners need.</summary>
    public PlanOptions ToPlanOptions() => new()
    {
        Table = Relation(),
        StartDate = StartDate,
        EndDate = EndDate,
        Naming = new ObjectNaming(PathTemplate, Format, Compression),
        OutputDuration = OutputDuration,
        DateColumn = DateColumn,
    };

    /// <summary>How units are encoded.</summary>
    public FormatOptions ToFormatOptions() => new()
    {
        Format = Format,
        Codec = Compression,
        CompressionLevel = CompressionLevel,
        ChunkSize = ChunkSize,
    };

    /// <summary>What the unit pipeline needs.</summary>
    public PipelineOptions ToPipelineOptions() => new()
    {
        Unit = new UnitProcessorOptions { Encoding = ToFormatOptions(), TempDirectory = TempDirectory, Force = Force },
        Retry = Retry,
        Workers = Workers,
        DryRun = DryRun,
        SkipCount = SkipCount,
    };
}
