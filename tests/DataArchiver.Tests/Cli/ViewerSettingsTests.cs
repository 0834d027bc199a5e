using System.Net;
using DataArchiver.Cli;

namespace DataArchiver.Tests.Cli;

/// <summary>The viewer's flags and keys: defaults, the Go tool's keys, and the rule that the network needs a token.</summary>
public sealed class ViewerSettingsTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Archive_WithoutViewerFlags_ViewerOffOnLoopbackPort8080()
    {
        var viewer = _cli.BindArchive(_cli.Args()).Viewer;

        Assert.False(viewer.Enabled);
        Assert.Equal(IPAddress.Loopback, viewer.Address);
        Assert.Equal(8080, viewer.Port);
        Assert.Null(viewer.Token);
    }

    [Fact]
    public void Archive_ViewerFlags_Bound()
    {
        var viewer = _cli.BindArchive(_cli.Args("--viewer", "--viewer-port", "9123", "--viewer-addr", "::1")).Viewer;

        Assert.True(viewer.Enabled);
        Assert.Equal(IPAddress.IPv6Loopback, viewer.Address);
        Assert.Equal(9123, viewer.Port);
    }

    [Fact]
    public void GoToolExampleConfig_CacheViewerViewerAndViewerPort_LoadsWithOneWarningNamingViewer()
    {
        // The keys of the Go tool's documented example, in our own file.
        _cli.WriteConfig("""
            db:
              host: localhost
              port: 5432
              user: archiver
              name: events_db
            s3:
              endpoint: http://127.0.0.1:9000
              bucket: archive
              access_key: key
              secret_key: secret
              region: auto
              path_template: archive/{table}/{YYYY}/{MM}
            table: events
            workers: 8
            start_date: "2024-01-01"
            end_date: "2024-12-31"
            cache_viewer: false
            viewer: true
            viewer_port: 8081
            """);

        var settings = _cli.BindArchive();

        Assert.True(settings.Viewer.Enabled);
        Assert.Equal(8081, settings.Viewer.Port);
        Assert.Equal(8, settings.Workers);
        var warning = Assert.Single(settings.Viewer.Warnings);
        Assert.Contains("cache_viewer is ignored", warning, StringComparison.Ordinal);
        Assert.Contains("viewer: true", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Archive_ViewerEnvironmentVariables_Bound()
    {
        _cli.Environment["ARCHIVE_VIEWER"] = "true";
        _cli.Environment["ARCHIVE_VIEWER_PORT"] = "8099";
        _cli.Environment["ARCHIVE_VIEWER_TOKEN"] = "s3cr3t-token";

        var viewer = _cli.BindArchive(_cli.Args()).Viewer;

        Assert.True(viewer.Enabled);
        Assert.Equal(8099, viewer.Port);
        Assert.Equal("s3cr3t-token", viewer.Token);
        Assert.DoesNotContain("s3cr3t-token", viewer.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("viewer", "--viewer-addr", "0.0.0.0")]
    [InlineData("viewer", "--viewer-addr", "192.0.2.10")]
    public async Task Viewer_NonLoopbackAddressWithoutToken_Exit2NamingTheToken(params string[] args)
    {
        var (code, _, error) = await _cli.RunAsync([.. args, "--state-dir", _cli.Home]);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--viewer-token", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Archive_ViewerOnNonLoopbackWithoutToken_Exit2BeforeAnythingRuns()
    {
        var (code, output, error) = await _cli.RunAsync(["archive", .. _cli.Args("--viewer", "--viewer-addr", "0.0.0.0")]);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--viewer-token", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public async Task Viewer_BadAddress_Exit2()
    {
        var (code, _, error) = await _cli.RunAsync("viewer", "--viewer-addr", "not-an-address", "--state-dir", _cli.Home);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--viewer-addr", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Viewer_TokenInAnError_IsRedacted()
    {
        var (code, _, error) = await _cli.RunAsync("viewer", "--viewer-token", "hunter2-token", "--viewer-port", "70000", "--state-dir", _cli.Home);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.DoesNotContain("hunter2-token", error, StringComparison.Ordinal);
    }
}
