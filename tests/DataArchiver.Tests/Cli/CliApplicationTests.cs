using DataArchiver.Cli;
using DataArchiver.Cli.Configuration;

namespace DataArchiver.Tests.Cli;

public sealed class CliApplicationTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task RunAsync_ValidArchive_RunsJobAndReturnsZero()
    {
        var (code, output, error) = await _cli.RunAsync(["archive", .. _cli.Args()]);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Empty(error);
        Assert.Contains("Table = events", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownOption_ReturnsUsageWithOneLineAndHint()
    {
        var (code, output, error) = await _cli.RunAsync(["archive", .. _cli.Args("--wokers", "3")]);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Empty(output);
        Assert.Equal("data-archiver: error: Unrecognized command or argument '--wokers' (and 1 more); see 'data-archiver archive --help'",
            error.TrimEnd());
    }

    [Fact]
    public async Task RunAsync_OptionWithoutValue_ReturnsUsage()
    {
        var (code, _, error) = await _cli.RunAsync("archive", "--workers");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith("data-archiver: error: ", error, StringComparison.Ordinal);
        Assert.Contains("--workers", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SwitchWithAWordThatIsNoBoolean_ReturnsUsageNamingTheWord()
    {
        var (code, output, error) = await _cli.RunAsync(["archive", .. _cli.Args("--dry-run", "maybe")]);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Empty(output);
        Assert.StartsWith("data-archiver: error: Unrecognized command or argument 'maybe'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_FlagGivenTwice_RunsWithTheLastValue()
    {
        var (code, output, error) = await _cli.RunAsync(["archive", .. _cli.Args("--table", "first", "--table", "orders")]);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Empty(error);
        Assert.Contains("Table = orders", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoCommand_ReturnsUsage()
    {
        var (code, _, error) = await _cli.RunAsync();
        Assert.Equal(ExitCodes.Usage, code);
        Assert.EndsWith("see 'data-archiver --help'", error.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ConfigurationError_ReturnsUsageWithOneLine()
    {
        var (code, output, error) = await _cli.RunAsync(["archive", .. _cli.Args("--workers", "0")]);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Empty(output);
        Assert.Equal("data-archiver: error: --workers must be between 1 and 1000, got \"0\"" + Environment.NewLine, error);
    }

    [Fact]
    public async Task RunAsync_MalformedConfigFile_ReturnsUsage()
    {
        _cli.WriteConfig("db: [\n");
        var (code, _, error) = await _cli.RunAsync(["archive", .. _cli.Args()]);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.StartsWith("data-archiver: error: config file ", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task RunAsync_ArchiveHelp_ListsEveryOptionWithDefaults()
    {
        var (code, output, error) = await _cli.RunAsync("archive", "--help");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Empty(error);
        foreach (var key in SettingKeys.Archive)
            Assert.Contains(key.Flag, output, StringComparison.Ordinal);
        Assert.Contains("[default: localhost]", output, StringComparison.Ordinal);
        Assert.Contains("[default: 5432]", output, StringComparison.Ordinal);
        Assert.Contains("[default: 100MiB]", output, StringComparison.Ordinal);
        Assert.Contains("[default: today (UTC)]", output, StringComparison.Ordinal);
        Assert.Contains("[default: zstd 3, gzip 6, lz4 1]", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ListHelp_ListsItsOptions()
    {
        var (code, output, _) = await _cli.RunAsync("list", "--help");
        Assert.Equal(ExitCodes.Ok, code);
        foreach (var key in SettingKeys.List)
            Assert.Contains(key.Flag, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Version_PrintsVersion()
    {
        var (code, output, _) = await _cli.RunAsync("--version");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Matches(@"^\d+\.\d+\.\d+", output.Trim());
    }

    [Fact]
    public async Task RunAsync_CancelledBeforeStart_ReturnsInterrupted()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var app = new DataArchiver.Cli.Commands.CliApplication(_cli.Context(output, error));
        var code = await app.RunAsync(["archive", .. _cli.Args()], cancelled.Token);
        Assert.Equal(ExitCodes.Interrupted, code);
    }

    [Fact]
    public void BindList_LocalDir_NeedsNoS3()
    {
        var settings = _cli.BindList("--local-dir", _cli.Home, "--prefix", "archive/events/");
        Assert.Null(settings.S3);
        Assert.Equal(_cli.Home, settings.LocalDirectory);
        Assert.Equal("archive/events/", settings.Prefix);
    }

    [Fact]
    public void BindList_S3FromEnvironmentAndFile_FollowsPrecedence()
    {
        _cli.WriteConfig("s3:\n  bucket: file-bucket\n  access_key: file-key\n  secret_key: file-secret\n  region: r1\ntable: ignored_here\n");
        _cli.Environment["ARCHIVE_S3_BUCKET"] = "env-bucket";
        _cli.Environment["ARCHIVE_S3_ENDPOINT"] = "http://127.0.0.1:4568";
        var settings = _cli.BindList("--s3-region", "r2");
        Assert.Equal("env-bucket", settings.S3!.Bucket);
        Assert.Equal("file-key", settings.S3.AccessKey);
        Assert.Equal("file-secret", settings.S3.SecretKey);
        Assert.Equal("r2", settings.S3.Region);
        Assert.Equal("http://127.0.0.1:4568", settings.S3.Endpoint);
        Assert.Equal("", settings.Prefix);
    }

    [Fact]
    public void BindList_NoStore_ThrowsNamingBucket() =>
        Assert.Equal("--s3-bucket is required (or set ARCHIVE_S3_BUCKET or s3.bucket in the config file)",
            Assert.Throws<DataArchiver.Core.Configuration.ConfigurationException>(() => _cli.BindList()).Message);

    [Fact]
    public async Task RunAsync_List_RunsJobAndReturnsZero()
    {
        var (code, output, _) = await _cli.RunAsync("list", "--local-dir", _cli.Home);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains(_cli.Home, output, StringComparison.Ordinal);
    }
}
