using DataArchiver.Cli;

namespace DataArchiver.Tests.Cli;

/// <summary>Passwords and secret keys never appear in errors, settings summaries or help.</summary>
public sealed class SecretHandlingTests : IDisposable
{
    private const string Password = "pw-Zq7!uniquePASS";
    private const string SecretKey = "sk-Xr9?uniqueSECRET";
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private static void AssertClean(string text)
    {
        Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretKey, text, StringComparison.Ordinal);
    }

    private string[] WithSecrets(params string[] extra) => _cli.ArgsWithout(["--local-dir"],
    [
        "--db-password", Password, "--s3-bucket", "b", "--s3-access-key", "ak", "--s3-secret-key", SecretKey, .. extra,
    ]);

    [Fact]
    public void Bind_SecretsGiven_AreKeptButNotInToString()
    {
        var settings = _cli.BindArchive(WithSecrets());
        Assert.Equal(Password, settings.Database.Password);
        Assert.Equal(SecretKey, settings.S3!.SecretKey);
        AssertClean(settings.ToString());
        AssertClean(settings.Database.ToString());
        AssertClean(settings.S3.ToString());
        var list = _cli.BindList("--s3-bucket", "b", "--s3-access-key", "ak", "--s3-secret-key", SecretKey);
        AssertClean(list.ToString());
    }

    /// <summary>Extra arguments, space-separated, that each make the run fail with a usage or configuration error.</summary>
    public static TheoryData<string> FailingArguments => new()
    {
        "--workers 0",
        "--db-port x",
        "--compression snappy",
        "--end-date 2000-01-01",
        "--multipart-threshold 1B",
        "--s3-endpoint nope",
        "--config /nonexistent/data-archiver.yaml",
        "--bogus",
        "--workers",
    };

    [Theory]
    [MemberData(nameof(FailingArguments))]
    public async Task RunAsync_FailingWithSecretFlags_NeverEchoesSecrets(string extra)
    {
        var (code, output, error) = await _cli.RunAsync(["archive", .. WithSecrets(extra.Split(' '))]);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.StartsWith("data-archiver: error: ", error, StringComparison.Ordinal);
        AssertClean(output + error);
    }

    [Theory]
    [MemberData(nameof(FailingArguments))]
    public async Task RunAsync_FailingWithSecretsFromEnvironmentAndFile_NeverEchoesSecrets(string extra)
    {
        _cli.WriteConfig($"db:\n  password: \"{Password}\"\n");
        _cli.Environment["ARCHIVE_S3_SECRET_KEY"] = SecretKey;
        var (code, output, error) = await _cli.RunAsync(["archive", .. _cli.ArgsWithout(["--local-dir"], ["--s3-bucket", "b", "--s3-access-key", "ak", .. extra.Split(' ')])]);
        Assert.Equal(ExitCodes.Usage, code);
        AssertClean(output + error);
    }

    [Theory]
    [InlineData("--db-pasword", Password)]
    [InlineData("--db-pasword=" + Password)]
    [InlineData("--s3-secret=" + SecretKey)]
    [InlineData("--s3-secret", SecretKey)]
    public async Task RunAsync_MistypedOrMisparsedSecretFlag_DoesNotEchoTheValue(params string[] extra)
    {
        var (code, output, error) = await _cli.RunAsync(["archive", .. extra, .. _cli.Args()]);
        Assert.Equal(ExitCodes.Usage, code);
        AssertClean(output + error);
    }

    [Fact]
    public async Task RunAsync_SecretStartingWithDash_IsTakenAsTheValue()
    {
        var (code, output, error) = await _cli.RunAsync(["archive", "--db-password", "-" + Password, .. _cli.Args()]);
        Assert.Equal(ExitCodes.Ok, code);
        AssertClean(output + error);
    }

    [Fact]
    public async Task RunAsync_SecretAsWrongTypeInFile_DoesNotEchoIt()
    {
        _cli.WriteConfig($"db:\n  password:\n    - \"{Password}\"\n");
        var (code, _, error) = await _cli.RunAsync(["archive", .. _cli.Args()]);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("db.password", error, StringComparison.Ordinal);
        AssertClean(error);
    }

    [Fact]
    public async Task RunAsync_Help_ShowsNoSecretFromAnySource()
    {
        _cli.WriteConfig($"db:\n  password: \"{Password}\"\n");
        _cli.Environment["ARCHIVE_S3_SECRET_KEY"] = SecretKey;
        foreach (var command in new[] { "archive", "list" })
        {
            var (code, output, error) = await _cli.RunAsync([command, "--help", "--db-password", Password, "--s3-secret-key", SecretKey]);
            Assert.Equal(ExitCodes.Ok, code);
            Assert.Contains("--db-password", command == "archive" ? output : "--db-password", StringComparison.Ordinal);
            AssertClean(output + error);
        }
    }

    [Fact]
    public async Task RunAsync_Success_PrintsNoSecret()
    {
        var (code, output, error) = await _cli.RunAsync(["archive", .. WithSecrets()]);
        Assert.Equal(ExitCodes.Ok, code);
        AssertClean(output + error);
    }
}
