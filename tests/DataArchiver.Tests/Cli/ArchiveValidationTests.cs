using DataArchiver.Core.Configuration;
using DataArchiver.Core.Pipeline;

namespace DataArchiver.Tests.Cli;

public sealed class ArchiveValidationTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private string[] S3Args(IEnumerable<string>? omit = null, params string[] extra)
    {
        var s3 = new Dictionary<string, string>
        {
            ["--s3-endpoint"] = "http://127.0.0.1:9000",
            ["--s3-bucket"] = "bucket",
            ["--s3-access-key"] = "access",
            ["--s3-secret-key"] = "secret",
        };
        var skipped = new HashSet<string>(omit ?? []);
        var args = s3.Where(p => !skipped.Contains(p.Key)).SelectMany(p => new[] { p.Key, p.Value });
        return _cli.ArgsWithout(["--local-dir"], [.. args, .. extra]);
    }

    [Theory]
    [InlineData("--db-user", "--db-user is required (or set ARCHIVE_DB_USER or db.user in the config file)")]
    [InlineData("--db-name", "--db-name is required (or set ARCHIVE_DB_NAME or db.name in the config file)")]
    [InlineData("--table", "--table is required (or set ARCHIVE_TABLE or table in the config file)")]
    [InlineData("--path-template", "--path-template is required (or set ARCHIVE_S3_PATH_TEMPLATE or s3.path_template in the config file)")]
    [InlineData("--start-date", "--start-date is required (or set ARCHIVE_START_DATE or start_date in the config file)")]
    public void Bind_RequiredSettingMissing_ThrowsNamingIt(string flag, string message) =>
        Assert.Equal(message, _cli.ArchiveError(_cli.ArgsWithout([flag])).Message);

    [Theory]
    [InlineData("--s3-bucket", "--s3-bucket is required (or set ARCHIVE_S3_BUCKET or s3.bucket in the config file)")]
    [InlineData("--s3-access-key", "--s3-access-key is required (or set ARCHIVE_S3_ACCESS_KEY or s3.access_key in the config file)")]
    [InlineData("--s3-secret-key", "--s3-secret-key is required (or set ARCHIVE_S3_SECRET_KEY or s3.secret_key in the config file)")]
    public void Bind_S3SettingMissingWithoutLocalDir_ThrowsNamingIt(string flag, string message) =>
        Assert.Equal(message, _cli.ArchiveError(S3Args([flag])).Message);

    [Fact]
    public void Bind_LocalDir_NeedsNoS3Settings()
    {
        var settings = _cli.BindArchive(_cli.Args());
        Assert.Null(settings.S3);
        Assert.Equal(Path.Combine(_cli.Home, "out"), settings.LocalDirectory);
    }

    [Fact]
    public void Bind_S3WithoutEndpoint_MeansAws()
    {
        var settings = _cli.BindArchive(S3Args(["--s3-endpoint"]));
        Assert.Null(settings.S3!.Endpoint);
        Assert.Equal("auto", settings.S3.Region);
        Assert.Null(settings.LocalDirectory);
    }

    [Theory]
    [InlineData("127.0.0.1:9000")]
    [InlineData("ftp://host")]
    [InlineData("not a url")]
    public void Bind_EndpointNotHttpUrl_Throws(string endpoint) =>
        Assert.Equal($"--s3-endpoint must be an http:// or https:// URL, got \"{endpoint}\"",
            _cli.ArchiveError(S3Args(["--s3-endpoint"], "--s3-endpoint", endpoint)).Message);

    [Theory]
    [InlineData("2024-1-01")]
    [InlineData("2024/01/01")]
    [InlineData("20240101")]
    [InlineData("2024-02-30")]
    [InlineData("2024-01-01T00:00:00")]
    [InlineData("01-01-2024")]
    [InlineData("+2024-01-01")]
    public void Bind_StartDateNotStrictIso_Throws(string date) =>
        Assert.Equal($"--start-date must be a date written YYYY-MM-DD, got \"{date}\"",
            _cli.ArchiveError(_cli.ArgsWithout(["--start-date"], "--start-date", date)).Message);

    [Fact]
    public void Bind_EndDateMalformedInFile_ThrowsNamingFileAndLine()
    {
        var path = _cli.WriteConfig("workers: 2\nend_date: 2024-13-01\n");
        Assert.Equal($"--end-date must be a date written YYYY-MM-DD, got \"2024-13-01\" (from end_date in {path} line 2)",
            _cli.ArchiveError(_cli.Args()).Message);
    }

    [Fact]
    public void Bind_NoEndDate_DefaultsToTodayUtc()
    {
        var settings = _cli.BindArchive(_cli.Args());
        Assert.Equal(new DateOnly(2024, 1, 1), settings.StartDate);
        Assert.Equal(CliHarness.Today, settings.EndDate);
    }

    [Fact]
    public void Bind_EndBeforeStart_Throws() =>
        Assert.Equal("--end-date 2023-12-31 is before --start-date 2024-01-01",
            _cli.ArchiveError(_cli.Args("--end-date", "2023-12-31")).Message);

    [Fact]
    public void Bind_EndEqualsStart_IsOneDay() =>
        Assert.Equal(new DateOnly(2024, 1, 1), _cli.BindArchive(_cli.Args("--end-date", "2024-01-01")).EndDate);

    [Fact]
    public void Bind_StartAfterDefaultEnd_Throws() =>
        Assert.Equal("--end-date 2024-06-15 is before --start-date 2024-07-01",
            _cli.ArchiveError(_cli.ArgsWithout(["--start-date"], "--start-date", "2024-07-01")).Message);

    [Theory]
    [InlineData("--db-port", "0", "must be between 1 and 65535")]
    [InlineData("--db-port", "65536", "must be between 1 and 65535")]
    [InlineData("--db-port", "abc", "must be a whole number")]
    [InlineData("--chunk-size", "99", "must be between 100 and 1000000")]
    [InlineData("--chunk-size", "1000001", "must be between 100 and 1000000")]
    [InlineData("--workers", "0", "must be between 1 and 1000")]
    [InlineData("--workers", "1001", "must be between 1 and 1000")]
    [InlineData("--workers", "2.5", "must be a whole number")]
    [InlineData("--db-statement-timeout", "-1", "must be at least 0")]
    [InlineData("--db-max-retries", "-1", "must be at least 0")]
    [InlineData("--db-retry-delay", "-5", "must be at least 0")]
    [InlineData("--db-retry-delay", "99999999999", "must be a whole number")]
    public void Bind_NumberOutOfRange_ThrowsNamingFlagAndValue(string flag, string value, string problem) =>
        Assert.Equal($"{flag} {problem}, got \"{value}\"", _cli.ArchiveError(_cli.Args(flag, value)).Message);

    [Theory]
    [InlineData("--db-port", "1")]
    [InlineData("--db-port", "65535")]
    [InlineData("--chunk-size", "100")]
    [InlineData("--chunk-size", "1000000")]
    [InlineData("--workers", "1")]
    [InlineData("--workers", "1000")]
    [InlineData("--db-statement-timeout", "0")]
    [InlineData("--db-max-retries", "0")]
    public void Bind_NumberAtRangeEdge_IsAccepted(string flag, string value) =>
        _cli.BindArchive(_cli.Args(flag, value));

    [Fact]
    public void Bind_BadValueFromEnvironment_NamesTheVariable()
    {
        _cli.Environment["ARCHIVE_WORKERS"] = "many";
        Assert.Equal("--workers must be a whole number, got \"many\" (from ARCHIVE_WORKERS)", _cli.ArchiveError(_cli.Args()).Message);
    }

    [Theory]
    [InlineData("JSONL", OutputFormat.Jsonl)]
    [InlineData("Csv", OutputFormat.Csv)]
    [InlineData("parquet", OutputFormat.Parquet)]
    public void Bind_OutputFormatAnyCase_IsAccepted(string text, OutputFormat expected) =>
        Assert.Equal(expected, _cli.BindArchive(_cli.Args("--output-format", text)).Format);

    [Theory]
    [InlineData("Hourly", OutputDuration.Hourly)]
    [InlineData("DAILY", OutputDuration.Daily)]
    [InlineData("weekly", OutputDuration.Weekly)]
    [InlineData("Monthly", OutputDuration.Monthly)]
    [InlineData("yearly", OutputDuration.Yearly)]
    public void Bind_OutputDurationAnyCase_IsAccepted(string text, OutputDuration expected) =>
        Assert.Equal(expected, _cli.BindArchive(_cli.Args("--output-duration", text)).OutputDuration);

    [Theory]
    [InlineData("TEXT", LogFormat.Text)]
    [InlineData("logfmt", LogFormat.Logfmt)]
    [InlineData("Json", LogFormat.Json)]
    public void Bind_LogFormatAnyCase_IsAccepted(string text, LogFormat expected) =>
        Assert.Equal(expected, _cli.BindArchive(_cli.Args("--log-format", text)).LogFormat);

    [Theory]
    [InlineData("disable")]
    [InlineData("allow")]
    [InlineData("prefer")]
    [InlineData("require")]
    [InlineData("verify-ca")]
    [InlineData("Verify-Full")]
    public void Bind_SslModeKnown_IsAcceptedInLowerCase(string mode) =>
        Assert.Equal(mode.ToLowerInvariant(), _cli.BindArchive(_cli.Args("--db-sslmode", mode)).Database.SslMode);

    [Theory]
    [InlineData("--output-format", "xml", "must be one of jsonl, csv, parquet")]
    [InlineData("--compression", "brotli", "must be one of zstd, gzip, lz4, snappy, none")]
    [InlineData("--output-duration", "quarterly", "must be one of hourly, daily, weekly, monthly, yearly")]
    [InlineData("--log-format", "yaml", "must be one of text, logfmt, json")]
    [InlineData("--db-sslmode", "sometimes", "must be one of disable, allow, prefer, require, verify-ca, verify-full")]
    public void Bind_UnknownChoice_ThrowsListingChoices(string flag, string value, string problem) =>
        Assert.Equal($"{flag} {problem}, got \"{value}\"", _cli.ArchiveError(_cli.Args(flag, value)).Message);

    [Theory]
    [InlineData("{YYYY}/{MM}", "--path-template must contain {table}: \"{YYYY}/{MM}\"")]
    [InlineData("/archive/{table}", "--path-template must not start with '/': \"/archive/{table}\"")]
    [InlineData("archive/{table}/{date}", "--path-template has unknown placeholder {date}; allowed: {table} {YYYY} {MM} {DD} {HH}")]
    public void Bind_BadPathTemplate_Throws(string template, string message) =>
        Assert.Equal(message, _cli.ArchiveError(_cli.ArgsWithout(["--path-template"], "--path-template", template)).Message);

    [Fact]
    public void Bind_BadPathTemplateFromEnvironment_NamesTheVariable()
    {
        _cli.Environment["ARCHIVE_S3_PATH_TEMPLATE"] = "../{table}";
        Assert.Equal("--path-template must not contain '.' or '..' segments: \"../{table}\" (from ARCHIVE_S3_PATH_TEMPLATE)",
            _cli.ArchiveError(_cli.ArgsWithout(["--path-template"])).Message);
    }

    [Fact]
    public void Bind_TempDirMissing_Throws()
    {
        var missing = Path.Combine(_cli.Home, "no-such-dir");
        Assert.Equal($"--temp-dir must be an existing directory, got \"{missing}\"", _cli.ArchiveError(_cli.Args("--temp-dir", missing)).Message);
    }

    [Fact]
    public void Bind_NoTempDir_UsesSystemTemp() =>
        Assert.Equal(Path.GetTempPath(), _cli.BindArchive(_cli.Args()).TempDirectory);

    [Theory]
    [InlineData("--multipart-threshold", "1MiB", "must be between 5MiB and 5GiB")]
    [InlineData("--multipart-threshold", "6GiB", "must be between 5MiB and 5GiB")]
    [InlineData("--multipart-threshold", "lots", "must be a size such as 104857600, 100MiB or 64MB")]
    [InlineData("--multipart-part-size", "4MiB", "must be between 5MiB and 5GiB")]
    [InlineData("--multipart-part-size", "-8MiB", "must be a size such as 104857600, 100MiB or 64MB")]
    public void Bind_MultipartSizeInvalid_Throws(string flag, string value, string problem) =>
        Assert.Equal($"{flag} {problem}, got \"{value}\"", _cli.ArchiveError(S3Args(null, flag, value)).Message);

    [Fact]
    public void Bind_MultipartDefaults_AreHundredMebibytesAndAuto()
    {
        var s3 = _cli.BindArchive(S3Args()).S3!;
        Assert.Equal(100L * 1024 * 1024, s3.MultipartThreshold);
        Assert.Null(s3.MultipartPartSize);
    }

    [Fact]
    public void Bind_MultipartSizesGiven_AreParsed()
    {
        var s3 = _cli.BindArchive(S3Args(null, "--multipart-threshold", "64MB", "--multipart-part-size", "8MiB")).S3!;
        Assert.Equal(64_000_000L, s3.MultipartThreshold);
        Assert.Equal(8L * 1024 * 1024, s3.MultipartPartSize);
    }

    [Fact]
    public void Bind_PartSizeAutoExplicit_BeatsFileValue()
    {
        _cli.WriteConfig("s3:\n  multipart_part_size: 16MiB\n");
        Assert.Equal(16L << 20, _cli.BindArchive(S3Args()).S3!.MultipartPartSize);
        Assert.Null(_cli.BindArchive(S3Args(null, "--multipart-part-size", "auto")).S3!.MultipartPartSize);
    }

    [Fact]
    public void Bind_SwitchWithBadValueInFile_Throws()
    {
        var path = _cli.WriteConfig("dry_run: sometimes\n");
        Assert.Equal($"--dry-run must be true or false, got \"sometimes\" (from dry_run in {path} line 1)", _cli.ArchiveError(_cli.Args()).Message);
    }

    [Fact]
    public void Bind_EveryKeyFromFile_FillsEveryProperty()
    {
        var temp = Directory.CreateDirectory(Path.Combine(_cli.Home, "tmp")).FullName;
        _cli.WriteConfig($"""
            db:
              host: pg.example
              port: 6432
              user: reader
              password: pw
              name: metrics
              sslmode: verify-full
              statement_timeout: 60
              max_retries: 5
              retry_delay: 2
            s3:
              endpoint: https://s3.example
              bucket: cold
              access_key: AK
              secret_key: SK
              region: eu-central-1
              path_template: "cold/{"{table}"}/{"{YYYY}"}"
              multipart_threshold: 32MiB
              multipart_part_size: 16MiB
            schema: telemetry
            table: readings
            start_date: 2024-02-01
            end_date: 2024-02-29
            output_format: csv
            compression: gzip
            compression_level: 9
            output_duration: daily
            date_column: taken_at
            chunk_size: 5000
            workers: 8
            dry_run: true
            skip_count: true
            force: true
            debug: true
            log_format: json
            temp_dir: {temp}
            """);

        var settings = _cli.BindArchive();

        Assert.Equal(new DatabaseSettings
        {
            Host = "pg.example", Port = 6432, User = "reader", Password = "pw", Name = "metrics", SslMode = "verify-full",
            StatementTimeout = TimeSpan.FromSeconds(60),
        }, settings.Database);
        Assert.Equal(new RetryOptions { MaxRetries = 5, BaseDelay = TimeSpan.FromSeconds(2) }, settings.Retry);
        Assert.Equal(new S3Settings
        {
            Endpoint = "https://s3.example", Bucket = "cold", AccessKey = "AK", SecretKey = "SK", Region = "eu-central-1",
            MultipartThreshold = 32L << 20, MultipartPartSize = 16L << 20,
        }, settings.S3);
        Assert.Null(settings.LocalDirectory);
        Assert.Equal("cold/{table}/{YYYY}", settings.PathTemplate.ToString());
        Assert.Equal("telemetry", settings.Schema);
        Assert.Equal("readings", settings.Table);
        Assert.Equal(new DateOnly(2024, 2, 1), settings.StartDate);
        Assert.Equal(new DateOnly(2024, 2, 29), settings.EndDate);
        Assert.Equal(OutputFormat.Csv, settings.Format);
        Assert.Equal(CompressionCodec.Gzip, settings.Compression);
        Assert.Equal(9, settings.CompressionLevel);
        Assert.Equal(OutputDuration.Daily, settings.OutputDuration);
        Assert.Equal("taken_at", settings.DateColumn);
        Assert.Equal(5000, settings.ChunkSize);
        Assert.Equal(8, settings.Workers);
        Assert.True(settings.DryRun && settings.SkipCount && settings.Force && settings.Debug);
        Assert.Equal(LogFormat.Json, settings.LogFormat);
        Assert.Equal(temp, settings.TempDirectory);
    }
}
