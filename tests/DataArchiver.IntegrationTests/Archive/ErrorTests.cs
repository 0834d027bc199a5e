using System.Net;
using System.Net.Sockets;
using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Archive;

/// <summary>Bad input and unreachable services: one clear line on stderr, the documented exit code, no secret anywhere.</summary>
public sealed class ErrorTests : IDisposable
{
    private const string Password = "Pg-Secret-Marker-7Q";
    private const string SecretKey = "S3-Secret-Marker-9Z";
    private readonly ArchiveArgs _args = new();

    public void Dispose() => _args.Dispose();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void AssertOneCleanLine(CliRunner.Result run, string expectedFragment)
    {
        var lines = run.Stderr.TrimEnd().Split('\n');
        Assert.True(lines.Length == 1, run.Describe());
        Assert.StartsWith("data-archiver: error: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(expectedFragment, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretKey, run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    private Dictionary<string, string> Env(string? password = null, string? secret = null)
    {
        var environment = _args.Environment;
        environment["ARCHIVE_DB_PASSWORD"] = password ?? TestServices.PgPassword;
        environment["ARCHIVE_S3_SECRET_KEY"] = secret ?? TestServices.S3SecretKey;
        return environment;
    }

    [Fact]
    public async Task Archive_WrongPassword_Exit3OneLineNoPassword()
    {
        var run = await CliRunner.RunAsync(_args.ToS3("anything", "err", "2024-01-01", "2024-01-02"), Env(password: Password));

        Assert.Equal(3, run.ExitCode);
        AssertOneCleanLine(run, "password authentication failed");
    }

    [Fact]
    public async Task Archive_WrongPasswordWithDebug_StillNoSecretAnywhere()
    {
        var run = await CliRunner.RunAsync(_args.ToS3("anything", "err", "2024-01-01", "2024-01-02", "--debug",
            "--db-password", Password, "--s3-secret-key", SecretKey), Env());

        Assert.Equal(3, run.ExitCode);
        Assert.DoesNotContain(Password, run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretKey, run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Archive_SuccessfulRunWithDebug_NoSecretAnywhere()
    {
        var t = TestServices.UniqueName("dbg");
        await Db.ExecuteAsync($"""
            CREATE TABLE {t} (id int, day date) PARTITION BY RANGE (day);
            CREATE TABLE {t}_20240101 PARTITION OF {t} FOR VALUES FROM ('2024-01-01') TO ('2024-01-02');
            INSERT INTO {t} VALUES (1, '2024-01-01');
            """);

        // s3rver does not check signatures, so a marker secret key still gets through and must never be echoed.
        var run = await CliRunner.RunAsync(_args.ToS3(t, TestServices.UniqueName("dbg"), "2024-01-01", "2024-01-01", "--debug"), Env(secret: SecretKey));

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Contains("COPY", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(TestServices.PgPassword, run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretKey, run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Archive_DatabaseUnreachable_Exit3()
    {
        var args = _args.ToS3("anything", "err", "2024-01-01", "2024-01-02");
        args[Array.IndexOf(args, "--db-port") + 1] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var run = await CliRunner.RunAsync(args, Env());

        Assert.Equal(3, run.ExitCode);
        AssertOneCleanLine(run, "cannot connect to PostgreSQL");
    }

    [Fact]
    public async Task Archive_S3Unreachable_Exit3()
    {
        var args = _args.ToS3("anything", "err", "2024-01-01", "2024-01-02");
        args[Array.IndexOf(args, "--s3-endpoint") + 1] = $"http://127.0.0.1:{FreePort()}";

        var run = await CliRunner.RunAsync(args, Env(secret: SecretKey));

        Assert.Equal(3, run.ExitCode);
        AssertOneCleanLine(run, "cannot reach S3 endpoint");
    }

    [Fact]
    public async Task Archive_TableNotFound_Exit2()
    {
        var run = await CliRunner.RunAsync(_args.ToS3("no_such_table_anywhere", "err", "2024-01-01", "2024-01-02"), Env());

        Assert.Equal(2, run.ExitCode);
        AssertOneCleanLine(run, "table public.no_such_table_anywhere does not exist");
    }

    [Theory]
    [InlineData("--start-date", "2024-13-01", "--start-date")]
    [InlineData("--end-date", "2023-12-31", "before")]
    [InlineData("--path-template", "x/{table}/{YYYYY}", "{YYYYY}")]
    [InlineData("--path-template", "x/{YYYY}", "{table}")]
    public async Task Archive_BadInput_Exit2BeforeAnyConnection(string flag, string value, string fragment)
    {
        var args = _args.ToS3("anything", "err", "2024-01-01", "2024-01-02").ToList();
        args[args.IndexOf(flag) + 1] = value;

        var run = await CliRunner.RunAsync([.. args], Env(password: Password));

        Assert.Equal(2, run.ExitCode);
        AssertOneCleanLine(run, fragment);
    }

    [Fact]
    public async Task Archive_MissingRequiredOption_Exit2()
    {
        var args = _args.ToS3("anything", "err", "2024-01-01", "2024-01-02").ToList();
        args.RemoveRange(args.IndexOf("--table"), 2);

        var run = await CliRunner.RunAsync([.. args], Env());

        Assert.Equal(2, run.ExitCode);
        AssertOneCleanLine(run, "--table");
    }
}
