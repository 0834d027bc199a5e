using System.Globalization;
using DataArchiver.IntegrationTests.Drills;
using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Storage;

/// <summary>
/// The command line against the real stores: <c>list</c> on s3rver, Ceph RGW and a local directory, and credentials
/// RGW refuses (it checks signatures, s3rver does not) ending the published executable with exit 3 and one clean line.
/// </summary>
public sealed class StoreCliTests : IDisposable
{
    private static readonly DateOnly Day1 = new(2024, 6, 1);
    private static readonly DateOnly Day2 = new(2024, 6, 2);
    private readonly ArchiveArgs _args = new();

    public void Dispose() => _args.Dispose();

    [Fact]
    public async Task Archive_WrongSecretAtRgw_Exit3_OneLineWithoutTheSecret()
    {
        const string secret = "Wrong-Rgw-Secret-Marker-4K";
        _args.Server = S3Server.Rgw;
        var environment = _args.Environment;
        environment["ARCHIVE_S3_SECRET_KEY"] = secret;

        using var run = await PublishedCli.StartAsync(_args.ToS3("anything", "err", "2024-01-01", "2024-01-02"), environment);

        Assert.True(await run.WaitForExitAsync(TimeSpan.FromSeconds(60)), run.Describe());
        Assert.True(run.ExitCode == 3, run.Describe());
        AssertOneCleanLine(run, $"S3 refused the credentials for access key {S3Server.Rgw.AccessKey} at {S3Server.Rgw.Endpoint} (SignatureDoesNotMatch)", secret);
    }

    [Fact]
    public async Task Archive_RgwUserWithoutRightsToTheBucket_Exit3_OneLine()
    {
        _args.Server = S3Server.Rgw with { AccessKey = TestServices.RgwStrangerAccessKey, SecretKey = TestServices.RgwStrangerSecretKey };

        using var run = await PublishedCli.StartAsync(_args.ToS3("anything", "err", "2024-01-01", "2024-01-02"), _args.Environment);

        Assert.True(await run.WaitForExitAsync(TimeSpan.FromSeconds(60)), run.Describe());
        Assert.True(run.ExitCode == 3, run.Describe());
        AssertOneCleanLine(run,
            $"S3 at {S3Server.Rgw.Endpoint} denied access key {TestServices.RgwStrangerAccessKey} access to bucket {S3Server.Rgw.Bucket} (403 AccessDenied)",
            TestServices.RgwStrangerSecretKey);
    }

    [Fact]
    public async Task List_WrongSecretAtRgw_Exit3()
    {
        const string secret = "Wrong-Rgw-Secret-Marker-5L";
        var environment = new Dictionary<string, string> { ["ARCHIVE_S3_SECRET_KEY"] = secret, ["HOME"] = _args.Root };

        var result = await CliRunner.RunAsync(ListArgs(S3Server.Rgw, "anything/"), environment);

        Assert.True(result.ExitCode == 3, result.Describe());
        Assert.Contains("(SignatureDoesNotMatch)", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(S3Server.Names), MemberType = typeof(S3Server))]
    public async Task List_ArchivedObjectsOnS3_KeysSizesAndRows(string serverName)
    {
        var server = S3Server.Named(serverName);
        _args.Server = server;
        var table = await TwoDaysAsync("ls");
        var archived = await CliRunner.RunAsync(_args.ToS3(table.Name, table.Prefix, "2024-06-01", "2024-06-02"), _args.Environment);
        Assert.True(archived.ExitCode == 0, archived.Describe());
        using var s3 = S3TestClient.Create(server);
        var sizes = (await S3TestClient.ListAsync(s3, table.Prefix + "/", server.Bucket)).ToDictionary(o => o.Key, o => o.Size ?? -1);

        var result = await CliRunner.RunAsync(ListArgs(server, table.Prefix + "/"), _args.Environment);

        Assert.True(result.ExitCode == 0, result.Describe());
        AssertListing(result, table, sizes, $"in s3://{server.Bucket} at {server.Endpoint}");
    }

    [Fact]
    public async Task List_ArchivedObjectsInALocalDirectory_KeysSizesAndRows()
    {
        var directory = Path.Combine(_args.Root, "archive");
        var table = await TwoDaysAsync("ll");
        var archived = await CliRunner.RunAsync(LocalArchiveArgs(table, directory), _args.Environment);
        Assert.True(archived.ExitCode == 0, archived.Describe());
        var sizes = new[] { Day1, Day2 }.ToDictionary(table.Key, day => new FileInfo(Path.Combine(directory, table.Key(day))).Length);

        var result = await CliRunner.RunAsync(["list", "--local-dir", directory, "--prefix", table.Prefix + "/"], _args.Environment);

        Assert.True(result.ExitCode == 0, result.Describe());
        AssertListing(result, table, sizes, $"in directory {Path.GetFullPath(directory)}");
    }

    [Fact]
    public async Task List_PrefixWithNothingUnderIt_SaysNoObjects()
    {
        var result = await CliRunner.RunAsync(ListArgs(S3Server.Rgw, TestServices.UniqueName("none") + "/"), Environment(S3Server.Rgw));

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Contains("0 object(s)", result.Stdout, StringComparison.Ordinal);
    }

    private static async Task<DrillTable> TwoDaysAsync(string stem)
    {
        var table = await DrillTable.CreateAsync(stem);
        await table.AddDayAsync(Day1, 300);
        await table.AddDayAsync(Day2, 700);
        return table;
    }

    private static void AssertListing(CliRunner.Result result, DrillTable table, Dictionary<string, long> sizes, string where)
    {
        var lines = result.Stdout.TrimEnd().Split('\n');
        Assert.True(lines.Length == 4, result.Describe());
        Assert.Matches(@"^key\s+bytes\s+rows$", lines[0]);
        foreach (var (line, day, rows) in new[] { (lines[1], Day1, 300), (lines[2], Day2, 700) })
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal([table.Key(day), sizes[table.Key(day)].ToString(CultureInfo.InvariantCulture), rows.ToString(CultureInfo.InvariantCulture)], fields);
        }
        Assert.StartsWith("2 object(s), ", lines[3], StringComparison.Ordinal);
        Assert.EndsWith(where, lines[3], StringComparison.Ordinal);
        Assert.Equal(2, sizes.Count);
    }

    private Dictionary<string, string> Environment(S3Server server) => new() { ["ARCHIVE_S3_SECRET_KEY"] = server.SecretKey, ["HOME"] = _args.Root };

    private static string[] ListArgs(S3Server server, string prefix) =>
        ["list", "--s3-endpoint", server.Endpoint, "--s3-bucket", server.Bucket, "--s3-access-key", server.AccessKey, "--prefix", prefix];

    private string[] LocalArchiveArgs(DrillTable table, string directory)
    {
        var args = _args.ToS3(table.Name, table.Prefix, "2024-06-01", "2024-06-02").ToList();
        foreach (var flag in new[] { "--s3-endpoint", "--s3-bucket", "--s3-access-key" })
            args.RemoveRange(args.IndexOf(flag), 2);
        return [.. args, "--local-dir", directory];
    }

    private static void AssertOneCleanLine(CliProcess run, string expected, string secret)
    {
        var lines = run.Stderr.TrimEnd().Split('\n');
        Assert.True(lines.Length == 1, run.Describe());
        Assert.StartsWith("data-archiver: error: ", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(expected, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, run.Stdout + run.Stderr, StringComparison.Ordinal);
    }
}
