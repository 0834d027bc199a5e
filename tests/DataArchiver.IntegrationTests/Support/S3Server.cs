namespace DataArchiver.IntegrationTests.Support;

/// <summary>
/// One of the suite's two S3 servers: s3rver, a lenient stand-in that logs every request, or Ceph's RADOS Gateway,
/// a real S3 implementation (SigV4 signatures, Content-MD5, AWS multipart ETags, aborts that remove the parts).
/// </summary>
public sealed record S3Server(string Name, string Endpoint, string Bucket, string AccessKey, string SecretKey)
{
    /// <summary>The theory data value of s3rver.</summary>
    public const string S3rverName = "s3rver";

    /// <summary>The theory data value of Ceph RGW.</summary>
    public const string RgwName = "rgw";

    public static S3Server S3rver => new(S3rverName, TestServices.S3Endpoint, TestServices.S3Bucket, TestServices.S3AccessKey, TestServices.S3SecretKey);

    public static S3Server Rgw => new(RgwName, TestServices.RgwEndpoint, TestServices.RgwBucket, TestServices.RgwAccessKey, TestServices.RgwSecretKey);

    /// <summary>Both servers by name, for <c>[MemberData]</c>.</summary>
    public static TheoryData<string> Names => [S3rverName, RgwName];

    /// <summary>The server called <paramref name="name"/> (<see cref="S3rverName"/> or <see cref="RgwName"/>).</summary>
    public static S3Server Named(string name) => name switch
    {
        S3rverName => S3rver,
        RgwName => Rgw,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such test S3 server"),
    };

    /// <summary>Whether this is the real S3 implementation.</summary>
    public bool IsRgw => Name == RgwName;

    /// <summary>The same server reached through <paramref name="endpoint"/> (a proxy in front of it).</summary>
    public S3Server Via(string endpoint) => this with { Endpoint = endpoint };

    public override string ToString() => Name;
}
