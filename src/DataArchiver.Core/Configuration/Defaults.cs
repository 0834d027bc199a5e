using System.Globalization;

namespace DataArchiver.Core.Configuration;

/// <summary>
/// Every default value of the tool, in one place: the command line's binder and help text read them, and so do the
/// components' option records. Values follow the Go data-archiver where it has the setting.
/// </summary>
public static class Defaults
{
    /// <summary>PostgreSQL host.</summary>
    public const string DbHost = "localhost";
    /// <summary>PostgreSQL port.</summary>
    public const int DbPort = 5432;
    /// <summary>libpq-style sslmode.</summary>
    public const string DbSslMode = "disable";
    /// <summary>Statement timeout of the extraction session, in seconds (0 = none).</summary>
    public const int StatementTimeoutSeconds = 300;
    /// <summary>Retries of a failed unit.</summary>
    public const int MaxRetries = 3;
    /// <summary>First backoff delay between retries, in seconds.</summary>
    public const int RetryDelaySeconds = 5;
    /// <summary>First backoff delay between retries.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(RetryDelaySeconds);
    /// <summary>The longest single wait between retries, so a large retry count cannot make a unit wait for hours.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(5);

    /// <summary>S3 region; <c>auto</c> signs as us-east-1.</summary>
    public const string S3Region = "auto";
    /// <summary>Files of at least this many bytes are uploaded in parts (100 MiB, as DESIGN §6).</summary>
    public const long MultipartThreshold = 100L * 1024 * 1024;

    /// <summary>Schema of the table.</summary>
    public const string Schema = "public";
    /// <summary>Output format.</summary>
    public const OutputFormat Format = OutputFormat.Jsonl;
    /// <summary>Compression codec.</summary>
    public const CompressionCodec Compression = CompressionCodec.Zstd;
    /// <summary>The period of date windows when <c>--date-column</c> is given without <c>--output-duration</c>.</summary>
    public const OutputDuration WindowDuration = OutputDuration.Daily;
    /// <summary>Rows per chunk (and per Parquet row group).</summary>
    public const int ChunkSize = 10_000;
    /// <summary>
    /// Buffered bytes after which a chunk is written out early. The native Parquet writer needs several times a row
    /// group's bytes while it encodes it, so this stays well below the size of a typical analytics row group.
    /// </summary>
    public const long ChunkByteLimit = 16L * 1024 * 1024;
    /// <summary>Units processed at once.</summary>
    public const int Workers = 4;
    /// <summary>Log line format.</summary>
    public const LogFormat LogFormat = Configuration.LogFormat.Text;

    /// <summary>The config file read from the home directory when none is named.</summary>
    public const string ConfigFileName = ".data-archiver.yaml";
    /// <summary>The folder of state and status files, below the home directory.</summary>
    public const string StateFolderName = ".data-archiver";

    /// <summary>The level used when none is given: each codec's usual speed/ratio balance (0 for codecs without levels).</summary>
    public static int CompressionLevel(CompressionCodec codec) => codec switch
    {
        CompressionCodec.Zstd => 3,
        CompressionCodec.Gzip => 6,
        CompressionCodec.Lz4 => 1,
        _ => 0,
    };

    /// <summary>Where temp files go when no directory is given: the system temp directory.</summary>
    public static string TempDirectory => Path.GetTempPath();

    /// <summary>The folder of state and status files of a user whose home directory is <paramref name="home"/>.</summary>
    public static string StateDirectory(string home) => Path.Combine(home, StateFolderName);

    /// <summary>A default as the text a flag would carry (lower-case names for enums, invariant numbers).</summary>
    public static string Text<T>(T value) where T : notnull => value switch
    {
        Enum choice => choice.ToString().ToLowerInvariant(),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
