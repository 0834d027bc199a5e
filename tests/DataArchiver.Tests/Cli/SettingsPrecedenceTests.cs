using DataArchiver.Cli;
using DataArchiver.Core.Configuration;

namespace DataArchiver.Tests.Cli;

public sealed class SettingsPrecedenceTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>Per key: flag, environment variable, YAML snippet template, the four values (flag, env, file, default) and a getter.</summary>
    public static TheoryData<string, string, string, string[], string> Keys => new()
    {
        { "--db-host", "ARCHIVE_DB_HOST", "db:\n  host: {0}\n", ["flag-host", "env-host", "file-host", "localhost"], "db.host" },
        { "--workers", "ARCHIVE_WORKERS", "workers: {0}\n", ["7", "8", "9", "4"], "workers" },
        { "--compression", "ARCHIVE_COMPRESSION", "compression: {0}\n", ["gzip", "lz4", "none", "zstd"], "compression" },
        { "--s3-region", "ARCHIVE_S3_REGION", "s3:\n  region: {0}\n", ["eu-1", "eu-2", "eu-3", "auto"], "s3.region" },
        { "--chunk-size", "ARCHIVE_CHUNK_SIZE", "chunk_size: {0}\n", ["500", "600", "700", "10000"], "chunk_size" },
    };

    private static string Read(ArchiveSettings settings, string key) => key switch
    {
        "db.host" => settings.Database.Host,
        "workers" => settings.Workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "compression" => settings.Compression.ToString().ToLowerInvariant(),
        "s3.region" => settings.S3!.Region,
        "chunk_size" => settings.ChunkSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(key)),
    };

    private string[] ArgsFor(string key, params string[] extra) => key == "s3.region"
        ? _cli.ArgsWithout(["--local-dir"], [.. extra, "--s3-bucket", "b", "--s3-access-key", "ak", "--s3-secret-key", "sk"])
        : _cli.Args(extra);

    [Theory]
    [MemberData(nameof(Keys))]
    public void Bind_NoSource_UsesDefault(string flag, string variable, string yaml, string[] values, string key)
    {
        _ = (flag, variable, yaml);
        Assert.Equal(values[3], Read(_cli.BindArchive(ArgsFor(key)), key));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Bind_FileOnly_FileBeatsDefault(string flag, string variable, string yaml, string[] values, string key)
    {
        _ = (flag, variable);
        _cli.WriteConfig(string.Format(System.Globalization.CultureInfo.InvariantCulture, yaml, values[2]));
        Assert.Equal(values[2], Read(_cli.BindArchive(ArgsFor(key)), key));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Bind_EnvironmentAndFile_EnvironmentBeatsFile(string flag, string variable, string yaml, string[] values, string key)
    {
        _ = flag;
        _cli.WriteConfig(string.Format(System.Globalization.CultureInfo.InvariantCulture, yaml, values[2]));
        _cli.Environment[variable] = values[1];
        Assert.Equal(values[1], Read(_cli.BindArchive(ArgsFor(key)), key));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Bind_FlagEnvironmentAndFile_FlagBeatsAll(string flag, string variable, string yaml, string[] values, string key)
    {
        _cli.WriteConfig(string.Format(System.Globalization.CultureInfo.InvariantCulture, yaml, values[2]));
        _cli.Environment[variable] = values[1];
        Assert.Equal(values[0], Read(_cli.BindArchive(ArgsFor(key, flag, values[0])), key));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Bind_FlagGivenWithDefaultValue_BeatsEnvironmentAndFile(string flag, string variable, string yaml, string[] values, string key)
    {
        _cli.WriteConfig(string.Format(System.Globalization.CultureInfo.InvariantCulture, yaml, values[2]));
        _cli.Environment[variable] = values[1];
        Assert.Equal(values[3], Read(_cli.BindArchive(ArgsFor(key, flag, values[3])), key));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Bind_FourSourcesOfAKey_HoldFourDifferentValues(string flag, string variable, string yaml, string[] values, string key)
    {
        // Each precedence test above can only fail if the sources it compares disagree.
        _ = (flag, variable, yaml, key);
        Assert.Equal(4, values.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Bind_FlagGivenTwice_LastValueWins(string flag, string variable, string yaml, string[] values, string key)
    {
        _ = (variable, yaml);
        Assert.Equal(values[1], Read(_cli.BindArchive(ArgsFor(key, flag, values[0], flag, values[1])), key));
        Assert.Equal(values[0], Read(_cli.BindArchive(ArgsFor(key, flag, values[1], flag, values[0])), key));
    }

    [Fact]
    public void Bind_RequiredFlagRepeatedByAWrapper_LastValueWins()
    {
        // The harness already passes --table events; a wrapper script appends an override.
        Assert.Equal("orders", _cli.BindArchive(_cli.Args("--table", "orders")).Table);
    }

    [Fact]
    public void Bind_SwitchGivenTwice_LastValueWins()
    {
        Assert.True(_cli.BindArchive(_cli.Args("--dry-run", "--dry-run")).DryRun);
        Assert.False(_cli.BindArchive(_cli.Args("--dry-run", "--dry-run", "false")).DryRun);
        Assert.True(_cli.BindArchive(_cli.Args("--dry-run", "false", "--dry-run")).DryRun);
    }

    [Fact]
    public void Bind_SwitchGivenAsFalse_BeatsEnvironmentTrue()
    {
        _cli.Environment["ARCHIVE_DRY_RUN"] = "true";
        Assert.True(_cli.BindArchive(_cli.Args()).DryRun);
        Assert.False(_cli.BindArchive(_cli.Args("--dry-run", "false")).DryRun);
    }

    [Fact]
    public void Bind_SwitchFromFileAndEnvironment_EnvironmentWins()
    {
        _cli.WriteConfig("force: true\nskip_count: yes\n");
        _cli.Environment["ARCHIVE_FORCE"] = "false";
        var settings = _cli.BindArchive(_cli.Args());
        Assert.False(settings.Force);
        Assert.True(settings.SkipCount);
    }

    [Fact]
    public void Bind_EmptyEnvironmentVariable_CountsAsUnset()
    {
        _cli.WriteConfig("db:\n  host: file-host\n");
        _cli.Environment["ARCHIVE_DB_HOST"] = "";
        Assert.Equal("file-host", _cli.BindArchive(_cli.Args()).Database.Host);
    }

    [Fact]
    public void Bind_EnvironmentNamesFollowTheKeys_EveryDottedKeyIsRead()
    {
        _cli.Environment["ARCHIVE_DB_PASSWORD"] = "pw";
        _cli.Environment["ARCHIVE_DB_STATEMENT_TIMEOUT"] = "0";
        _cli.Environment["ARCHIVE_S3_PATH_TEMPLATE"] = "env/{table}";
        _cli.Environment["ARCHIVE_TABLE"] = "from_env";
        _cli.Environment["ARCHIVE_TEMP_DIR"] = _cli.Home;
        var settings = _cli.BindArchive(_cli.ArgsWithout(["--path-template", "--table"]));
        Assert.Equal("pw", settings.Database.Password);
        Assert.Equal(TimeSpan.Zero, settings.Database.StatementTimeout);
        Assert.Equal("env/{table}", settings.PathTemplate.ToString());
        Assert.Equal("from_env", settings.Table);
        Assert.Equal(_cli.Home, settings.TempDirectory);
    }

    [Fact]
    public void Bind_DefaultConfigFileMissing_IsFine()
    {
        var settings = _cli.BindArchive(_cli.Args());
        Assert.Equal("localhost", settings.Database.Host);
    }

    [Fact]
    public void Bind_ExplicitConfigFileMissing_ThrowsNamingIt()
    {
        var missing = Path.Combine(_cli.Home, "nope.yaml");
        var error = _cli.ArchiveError(_cli.Args("--config", missing));
        Assert.Equal($"config file {missing} does not exist", error.Message);
    }

    [Fact]
    public void Bind_ConfigFileFromEnvironmentMissing_Throws()
    {
        _cli.Environment["ARCHIVE_CONFIG"] = Path.Combine(_cli.Home, "nope.yaml");
        var error = _cli.ArchiveError(_cli.Args());
        Assert.Contains("nope.yaml does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_ConfigFlagAndEnvironment_FlagChoosesTheFile()
    {
        _cli.WriteConfig("workers: 11\n");
        var flagged = _cli.WriteConfig("workers: 12\n", "flag.yaml");
        _cli.Environment["ARCHIVE_CONFIG"] = _cli.WriteConfig("workers: 13\n", "env.yaml");
        Assert.Equal(13, _cli.BindArchive(_cli.Args()).Workers);
        Assert.Equal(12, _cli.BindArchive(_cli.Args("--config", flagged)).Workers);
    }

    [Fact]
    public void Bind_ConfigPathWithTilde_ResolvesAgainstHome()
    {
        _cli.WriteConfig("workers: 21\n", "custom.yaml");
        Assert.Equal(21, _cli.BindArchive(_cli.Args("--config", "~/custom.yaml")).Workers);
    }

    [Fact]
    public void Bind_DefaultConfigFileInHome_IsRead()
    {
        _cli.WriteConfig("db:\n  host: db.internal\n  port: 6543\nworkers: 2\n");
        var settings = _cli.BindArchive(_cli.Args());
        Assert.Equal("db.internal", settings.Database.Host);
        Assert.Equal(6543, settings.Database.Port);
        Assert.Equal(2, settings.Workers);
    }
}
