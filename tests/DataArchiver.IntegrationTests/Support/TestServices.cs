namespace DataArchiver.IntegrationTests.Support;

/// <summary>
/// Where the real PostgreSQL and S3 servers (s3rver and Ceph RGW, see <see cref="S3Server"/>) of the test run are, from the DA_TEST_* variables that
/// <c>scripts/services.sh</c> writes. A missing variable fails the test: integration tests are never skipped.
/// </summary>
public static class TestServices
{
    public static string PgHost => Required("DA_TEST_PG_HOST");
    public static int PgPort => int.Parse(Required("DA_TEST_PG_PORT"), System.Globalization.CultureInfo.InvariantCulture);
    public static string PgUser => Required("DA_TEST_PG_USER");
    public static string PgPassword => Required("DA_TEST_PG_PASSWORD");
    public static string PgDatabase => Required("DA_TEST_PG_DATABASE");
    public static string S3Endpoint => Required("DA_TEST_S3_ENDPOINT");
    public static string S3Bucket => Required("DA_TEST_S3_BUCKET");
    public static string S3AccessKey => Required("DA_TEST_S3_ACCESS_KEY");
    public static string S3SecretKey => Required("DA_TEST_S3_SECRET_KEY");
    public static string S3Log => Required("DA_TEST_S3_LOG");
    public static string RgwEndpoint => Required("DA_TEST_RGW_ENDPOINT");
    public static string RgwBucket => Required("DA_TEST_RGW_BUCKET");
    public static string RgwAccessKey => Required("DA_TEST_RGW_ACCESS_KEY");
    public static string RgwSecretKey => Required("DA_TEST_RGW_SECRET_KEY");
    /// <summary>A valid RGW user that owns nothing and has no right to the test bucket.</summary>
    public static string RgwStrangerAccessKey => Required("DA_TEST_RGW_STRANGER_ACCESS_KEY");
    public static string RgwStrangerSecretKey => Required("DA_TEST_RGW_STRANGER_SECRET_KEY");

    public static string PgConnectionString =>
        $"Host={PgHost};Port={PgPort};Username={PgUser};Password={PgPassword};Database={PgDatabase};Timezone=UTC;Pooling=false";

    /// <summary>A lower-case name unique to this test run, safe as a table name or key prefix.</summary>
    public static string UniqueName(string stem) => $"{stem}_{Guid.NewGuid():N}"[..(stem.Length + 13)];

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run the suite with scripts/test.sh, or source .dev/env after scripts/services.sh start");
}
