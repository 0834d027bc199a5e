namespace DataArchiver.IntegrationTests.Support;

/// <summary>Command lines for archive runs against the test services, with a private state and temp directory.</summary>
public sealed class ArchiveArgs : IDisposable
{
    public ArchiveArgs()
    {
        Root = Directory.CreateTempSubdirectory("da-run-").FullName;
        StateDirectory = Directory.CreateDirectory(Path.Combine(Root, "state")).FullName;
        TempDirectory = Directory.CreateDirectory(Path.Combine(Root, "tmp")).FullName;
    }

    public string Root { get; }
    public string StateDirectory { get; }
    public string TempDirectory { get; }

    /// <summary>The S3 server <see cref="ToS3"/> archives to (s3rver unless a test picks Ceph RGW).</summary>
    public S3Server Server { get; set; } = S3Server.S3rver;

    /// <summary>The S3 endpoint <see cref="ToS3"/> names: the server's, unless a test puts a proxy in front of it.</summary>
    public string S3Endpoint
    {
        get => _endpoint ?? Server.Endpoint;
        set => _endpoint = value;
    }

    private string? _endpoint;

    /// <summary>The connection flags (password through the environment, see <see cref="Environment"/>).</summary>
    public static string[] Database =>
    [
        "--db-host", TestServices.PgHost, "--db-port", TestServices.PgPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--db-user", TestServices.PgUser, "--db-name", TestServices.PgDatabase,
    ];

    public static string[] S3 =>
    [
        "--s3-endpoint", TestServices.S3Endpoint, "--s3-bucket", TestServices.S3Bucket, "--s3-access-key", TestServices.S3AccessKey,
    ];

    /// <summary>Secrets go through the environment, as an operator would pass them.</summary>
    public Dictionary<string, string> Environment => new()
    {
        ["ARCHIVE_DB_PASSWORD"] = TestServices.PgPassword,
        ["ARCHIVE_S3_SECRET_KEY"] = Server.SecretKey,
        ["HOME"] = Root,
    };

    /// <summary>A full <c>archive</c> command line to S3.</summary>
    public string[] ToS3(string table, string prefix, string start, string end, params string[] extra) =>
    [
        "archive", .. Database, "--s3-endpoint", S3Endpoint, "--s3-bucket", Server.Bucket, "--s3-access-key", Server.AccessKey, "--table", table, "--path-template", prefix + "/{table}/{YYYY}/{MM}",
        "--start-date", start, "--end-date", end, "--state-dir", StateDirectory, "--temp-dir", TempDirectory,
        "--db-retry-delay", "0", .. extra,
    ];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
