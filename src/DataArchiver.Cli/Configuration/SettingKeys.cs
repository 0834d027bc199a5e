using DataArchiver.Core.Configuration;

namespace DataArchiver.Cli.Configuration;

/// <summary>
/// Every setting the tool knows, in the names of the Go data-archiver (flags, YAML keys, <c>ARCHIVE_*</c>
/// variables) plus our additions. The default values come from <see cref="Defaults"/>, as the components' own do.
/// </summary>
internal static class SettingKeys
{
    public static readonly SettingKey Config = new("config", "--config", "FILE",
        "YAML config file (a missing default file is fine, a missing named file is an error)",
        DefaultText: "~/" + Defaults.ConfigFileName) { InConfigFile = false };

    public static readonly SettingKey DbHost = new("db.host", "--db-host", "HOST", "PostgreSQL host", Defaults.DbHost);
    public static readonly SettingKey DbPort = new("db.port", "--db-port", "PORT", "PostgreSQL port (1..65535)", Defaults.Text(Defaults.DbPort));
    public static readonly SettingKey DbUser = new("db.user", "--db-user", "USER", "PostgreSQL role (required)");
    public static readonly SettingKey DbPassword = new("db.password", "--db-password", "PASSWORD",
        "PostgreSQL password (prefer ARCHIVE_DB_PASSWORD or the config file)") { IsSecret = true };
    public static readonly SettingKey DbName = new("db.name", "--db-name", "NAME", "Database name (required)");
    public static readonly SettingKey DbSslMode = new("db.sslmode", "--db-sslmode", "MODE",
        "disable|allow|prefer|require|verify-ca|verify-full", Defaults.DbSslMode);
    public static readonly SettingKey DbStatementTimeout = new("db.statement_timeout", "--db-statement-timeout", "SECONDS",
        "Statement timeout in seconds, 0 = none", Defaults.Text(Defaults.StatementTimeoutSeconds));
    public static readonly SettingKey DbMaxRetries = new("db.max_retries", "--db-max-retries", "N",
        "Retries of a failed unit (>= 0)", Defaults.Text(Defaults.MaxRetries));
    public static readonly SettingKey DbRetryDelay = new("db.retry_delay", "--db-retry-delay", "SECONDS",
        "Base delay of the exponential backoff between retries, in seconds", Defaults.Text(Defaults.RetryDelaySeconds));

    public static readonly SettingKey S3Endpoint = new("s3.endpoint", "--s3-endpoint", "URL",
        "S3-compatible endpoint URL (http or https)", DefaultText: "AWS");
    public static readonly SettingKey S3Bucket = new("s3.bucket", "--s3-bucket", "BUCKET", "Bucket (required unless --local-dir)");
    public static readonly SettingKey S3AccessKey = new("s3.access_key", "--s3-access-key", "KEY",
        "Access key id (required unless --local-dir)");
    public static readonly SettingKey S3SecretKey = new("s3.secret_key", "--s3-secret-key", "SECRET",
        "Secret key (required unless --local-dir; prefer ARCHIVE_S3_SECRET_KEY or the config file)") { IsSecret = true };
    public static readonly SettingKey S3Region = new("s3.region", "--s3-region", "REGION", "Region; auto signs as us-east-1", Defaults.S3Region);
    public static readonly SettingKey PathTemplate = new("s3.path_template", "--path-template", "TEMPLATE",
        "Key prefix with {table} and optionally {YYYY} {MM} {DD} {HH} (required)");
    public static readonly SettingKey MultipartThreshold = new("s3.multipart_threshold", "--multipart-threshold", "SIZE",
        "Files of at least this size are uploaded in parts (5MiB..5GiB; bytes or KiB/MiB/GiB, KB/MB/GB = powers of 1000)",
        ByteSize.Format(Defaults.MultipartThreshold));
    public static readonly SettingKey MultipartPartSize = new("s3.multipart_part_size", "--multipart-part-size", "SIZE",
        "Part size of multipart uploads (5MiB..5GiB), or auto = the smallest that needs at most 10,000 parts",
        "auto");

    public static readonly SettingKey LocalDir = new("local_dir", "--local-dir", "DIR",
        "Write objects below this directory instead of S3 (S3 options are then ignored)");
    public static readonly SettingKey Schema = new("schema", "--schema", "SCHEMA", "Schema of the table", Defaults.Schema);
    public static readonly SettingKey Table = new("table", "--table", "TABLE", "Partitioned table to archive (required)");
    public static readonly SettingKey StartDate = new("start_date", "--start-date", "YYYY-MM-DD", "First day to archive, inclusive (required)");
    public static readonly SettingKey EndDate = new("end_date", "--end-date", "YYYY-MM-DD", "Last day to archive, inclusive",
        DefaultText: "today (UTC)");
    public static readonly SettingKey OutputFormat = new("output_format", "--output-format", "FORMAT", "jsonl|csv|parquet", Defaults.Text(Defaults.Format));
    public static readonly SettingKey Compression = new("compression", "--compression", "CODEC",
        "zstd|gzip|lz4|none, or for parquet zstd|gzip|snappy|none", Defaults.Text(Defaults.Compression));
    public static readonly SettingKey CompressionLevel = new("compression_level", "--compression-level", "LEVEL",
        "zstd 1..22, gzip 1..9, lz4 1..12; ignored for none and snappy", DefaultText: LevelDefaults());
    public static readonly SettingKey OutputDuration = new("output_duration", "--output-duration", "PERIOD",
        "hourly|daily|weekly|monthly|yearly", DefaultText: $"each partition's own period; {Defaults.Text(Defaults.WindowDuration)} with --date-column");
    public static readonly SettingKey DateColumn = new("date_column", "--date-column", "COLUMN",
        "Column that dates each row, to cut objects by --output-duration");
    public static readonly SettingKey ChunkSize = new("chunk_size", "--chunk-size", "ROWS", "Rows per chunk (100..1000000)", Defaults.Text(Defaults.ChunkSize));
    public static readonly SettingKey Workers = new("workers", "--workers", "N", "Units processed at once (1..1000)", Defaults.Text(Defaults.Workers));
    public static readonly SettingKey TempDir = new("temp_dir", "--temp-dir", "DIR",
        "Directory for temp files before upload (must exist)", DefaultText: "the system temp directory");
    public static readonly SettingKey StateDir = new("state_dir", "--state-dir", "DIR",
        "Directory of the state file (what is stored) and the status files", DefaultText: "~/" + Defaults.StateFolderName);

    public static readonly SettingKey DryRun = new("dry_run", "--dry-run", "", "Plan and encode, but upload and record nothing") { IsSwitch = true };
    public static readonly SettingKey SkipCount = new("skip_count", "--skip-count", "", "Use planner estimates instead of exact row counts") { IsSwitch = true };
    public static readonly SettingKey Force = new("force", "--force", "", "Archive again even what is already stored") { IsSwitch = true };
    public static readonly SettingKey Debug = new("debug", "--debug", "", "Verbose diagnostics, stack traces on errors") { IsSwitch = true };
    public static readonly SettingKey LogFormat = new("log_format", "--log-format", "FORMAT", "text|logfmt|json", Defaults.Text(Defaults.LogFormat));

    public static readonly SettingKey Prefix = new("prefix", "--prefix", "PREFIX", "Only objects whose key starts with this")
    {
        InConfigFile = false,
        InEnvironment = false,
    };

    /// <summary>The settings of <c>archive</c>, in help order.</summary>
    public static IReadOnlyList<SettingKey> Archive { get; } =
    [
        Config, DbHost, DbPort, DbUser, DbPassword, DbName, DbSslMode, DbStatementTimeout, DbMaxRetries, DbRetryDelay,
        S3Endpoint, S3Bucket, S3AccessKey, S3SecretKey, S3Region, PathTemplate, MultipartThreshold, MultipartPartSize, LocalDir,
        Schema, Table, StartDate, EndDate, OutputFormat, Compression, CompressionLevel, OutputDuration, DateColumn,
        ChunkSize, Workers, TempDir, StateDir, DryRun, SkipCount, Force, Debug, LogFormat,
    ];

    /// <summary>The settings of <c>list</c>, in help order.</summary>
    public static IReadOnlyList<SettingKey> List { get; } =
    [
        Config, S3Endpoint, S3Bucket, S3AccessKey, S3SecretKey, S3Region, LocalDir, Prefix, Debug,
    ];

    private static string LevelDefaults() => string.Join(", ",
        new[] { CompressionCodec.Zstd, CompressionCodec.Gzip, CompressionCodec.Lz4 }.Select(codec => $"{Defaults.Text(codec)} {Defaults.CompressionLevel(codec)}"));

    /// <summary>The keys a config file may contain (one file serves every command).</summary>
    public static IReadOnlyDictionary<string, SettingKey> ConfigFileKeys { get; } =
        Archive.Concat(List).Where(key => key.InConfigFile).DistinctBy(key => key.Name).ToDictionary(key => key.Name, StringComparer.Ordinal);
}
