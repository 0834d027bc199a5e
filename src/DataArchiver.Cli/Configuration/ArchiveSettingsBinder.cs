using DataArchiver.Core.Codecs;
using DataArchiver.Core.Configuration;
using DataArchiver.Core.Pipeline;
using DataArchiver.Core.Planning;

namespace DataArchiver.Cli.Configuration;

/// <summary>Validates merged settings into <see cref="ArchiveSettings"/>; the first problem found is thrown.</summary>
internal static class ArchiveSettingsBinder
{
    private static readonly string[] SslModes = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"];

    private static readonly (string, OutputFormat)[] Formats =
        [("jsonl", OutputFormat.Jsonl), ("csv", OutputFormat.Csv), ("parquet", OutputFormat.Parquet)];

    private static readonly (string, CompressionCodec)[] Codecs =
    [
        ("zstd", CompressionCodec.Zstd), ("gzip", CompressionCodec.Gzip), ("lz4", CompressionCodec.Lz4),
        ("snappy", CompressionCodec.Snappy), ("none", CompressionCodec.None),
    ];

    private static readonly (string, OutputDuration)[] Durations =
    [
        ("hourly", OutputDuration.Hourly), ("daily", OutputDuration.Daily), ("weekly", OutputDuration.Weekly),
        ("monthly", OutputDuration.Monthly), ("yearly", OutputDuration.Yearly),
    ];

    private static readonly (string, LogFormat)[] LogFormats =
        [("text", LogFormat.Text), ("logfmt", LogFormat.Logfmt), ("json", LogFormat.Json)];

    /// <summary>
    /// Builds the settings of an <c>archive</c> run; <paramref name="todayUtc"/> is the default end date and
    /// <paramref name="home"/> the directory below which the default state directory lies.
    /// </summary>
    public static ArchiveSettings Bind(SettingReader reader, DateOnly todayUtc, string home)
    {
        var database = BindDatabase(reader);
        var localDirectory = reader.Text(SettingKeys.LocalDir);
        var s3 = localDirectory is null ? S3SettingsBinder.Bind(reader, uploads: true) : null;
        var template = BindTemplate(reader);
        var table = reader.Required(SettingKeys.Table);
        var start = reader.Date(SettingKeys.StartDate) ?? throw SettingReader.Missing(SettingKeys.StartDate);
        var end = reader.Date(SettingKeys.EndDate) ?? todayUtc;
        if (end < start)
            throw new ConfigurationException($"--end-date {end:yyyy-MM-dd} is before --start-date {start:yyyy-MM-dd}");
        var format = reader.Choice(SettingKeys.OutputFormat, Formats) ?? Defaults.Format;
        var (codec, level) = BindCompression(reader, format);

        return new ArchiveSettings
        {
            Database = database,
            S3 = s3,
            LocalDirectory = localDirectory,
            PathTemplate = template,
            Schema = reader.Required(SettingKeys.Schema),
            Table = table,
            StartDate = start,
            EndDate = end,
            Format = format,
            Compression = codec,
            CompressionLevel = level,
            OutputDuration = reader.Choice(SettingKeys.OutputDuration, Durations),
            DateColumn = reader.Text(SettingKeys.DateColumn),
            ChunkSize = reader.Int(SettingKeys.ChunkSize, 100, 1_000_000),
            Workers = reader.Int(SettingKeys.Workers, 1, 1000),
            Retry = new RetryOptions
            {
                MaxRetries = reader.Int(SettingKeys.DbMaxRetries, 0, int.MaxValue),
                BaseDelay = TimeSpan.FromSeconds(reader.Int(SettingKeys.DbRetryDelay, 0, int.MaxValue)),
            },
            DryRun = reader.Switch(SettingKeys.DryRun),
            SkipCount = reader.Switch(SettingKeys.SkipCount),
            Force = reader.Switch(SettingKeys.Force),
            Debug = reader.Switch(SettingKeys.Debug),
            LogFormat = reader.Choice(SettingKeys.LogFormat, LogFormats) ?? Defaults.LogFormat,
            TempDirectory = BindTempDirectory(reader),
            StateDirectory = reader.Text(SettingKeys.StateDir) ?? Defaults.StateDirectory(home),
        };
    }

    private static DatabaseSettings BindDatabase(SettingReader reader) => new()
    {
        Host = reader.Required(SettingKeys.DbHost),
        Port = reader.Int(SettingKeys.DbPort, 1, 65535),
        User = reader.Required(SettingKeys.DbUser),
        Password = reader.Secret(SettingKeys.DbPassword),
        Name = reader.Required(SettingKeys.DbName),
        SslMode = reader.OneOf(SettingKeys.DbSslMode, SslModes) ?? Defaults.DbSslMode,
        StatementTimeout = TimeSpan.FromSeconds(reader.Int(SettingKeys.DbStatementTimeout, 0, int.MaxValue)),
    };

    private static PathTemplate BindTemplate(SettingReader reader)
    {
        var value = reader.Get(SettingKeys.PathTemplate);
        if (value is not { } given || string.IsNullOrWhiteSpace(given.Text))
            throw SettingReader.Missing(SettingKeys.PathTemplate);
        try
        {
            return PathTemplate.Parse(given.Text);
        }
        catch (ConfigurationException error) when (given.Source != SettingSource.Flag)
        {
            throw new ConfigurationException(error.Message + given.OriginSuffix);
        }
    }

    private static (CompressionCodec Codec, int Level) BindCompression(SettingReader reader, OutputFormat format)
    {
        var codec = reader.Choice(SettingKeys.Compression, Codecs) ?? Defaults.Compression;
        var origin = reader.Get(SettingKeys.Compression)?.OriginSuffix ?? "";
        if (codec == CompressionCodec.Snappy && format != OutputFormat.Parquet)
            throw new ConfigurationException($"--compression snappy is only available with --output-format parquet{origin}");
        if (codec == CompressionCodec.Lz4 && format == OutputFormat.Parquet)
            throw new ConfigurationException($"--compression lz4 is not available with --output-format parquet (use zstd, gzip, snappy or none){origin}");
        if (Compression.LevelRange(codec) is not var (min, max))
            return (codec, 0);
        if (reader.Get(SettingKeys.CompressionLevel) is null)
            return (codec, Defaults.CompressionLevel(codec));
        return (codec, reader.Int(SettingKeys.CompressionLevel, min, max, $" for {codec.ToString().ToLowerInvariant()}"));
    }

    private static string BindTempDirectory(SettingReader reader)
    {
        if (reader.Text(SettingKeys.TempDir) is not { } directory)
            return Defaults.TempDirectory;
        if (!Directory.Exists(directory))
            throw SettingReader.Invalid(SettingKeys.TempDir, reader.Get(SettingKeys.TempDir)!.Value, "must be an existing directory");
        return directory;
    }
}
