using Amazon.Runtime.Endpoints;
using Amazon.S3.Endpoints;
using Amazon.S3.Internal;
using DataArchiver.Core.Configuration;
using DataArchiver.Storage.S3;

namespace DataArchiver.Tests.Storage;

/// <summary>The shortcut must give exactly what the SDK's own endpoint rules give, or leave the case to them.</summary>
public sealed class PathStyleEndpointProviderTests
{
    public static TheoryData<string, string?, string> PlainCases()
    {
        var data = new TheoryData<string, string?, string>();
        foreach (var endpoint in new[] { "http://127.0.0.1:9000/", "http://127.0.0.1:9000", "https://minio.example.com/", "http://h:1/base", "http://h:1/base/", "https://h/a/b/" })
        {
            foreach (var bucket in new string?[] { "archive-test", "a.b-c", "Upper_Case", "x", null })
            {
                foreach (var region in new[] { "us-east-1", "eu-central-1", "auto" })
                    data.Add(endpoint, bucket, region);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PlainCases))]
    public void ResolveEndpoint_PlainPathStyleRequest_SameAsTheSdkRules(string endpoint, string? bucket, string region)
    {
        var parameters = Parameters(endpoint, bucket, region);

        var ours = PathStyleEndpointProvider.TryResolve(parameters);
        var sdk = new AmazonS3EndpointProvider().ResolveEndpoint(parameters);

        Assert.NotNull(ours);
        AssertSame(sdk, ours);
    }

    [Theory]
    [InlineData("UseFIPS")]
    [InlineData("UseDualStack")]
    [InlineData("Accelerate")]
    [InlineData("UseGlobalEndpoint")]
    public void TryResolve_AnOptionTheRulesTreatSpecially_LeftToTheSdk(string option)
    {
        var parameters = Parameters("http://h:1/", "b", "us-east-1");
        parameters[option] = true;

        Assert.Null(PathStyleEndpointProvider.TryResolve(parameters));
    }

    [Theory]
    [InlineData("arn:aws:s3:us-east-1:123456789012:accesspoint/ap")]
    [InlineData("mybucket--usw2-az1--x-s3")]
    [InlineData("sp ace")]
    [InlineData("")]
    public void TryResolve_BucketThatIsNotAPlainName_LeftToTheSdk(string bucket) =>
        Assert.Null(PathStyleEndpointProvider.TryResolve(Parameters("http://h:1/", bucket, "us-east-1")));

    [Fact]
    public void TryResolve_VirtualHostedStyle_LeftToTheSdk()
    {
        var parameters = Parameters("http://h:1/", "b", "us-east-1");
        parameters.ForcePathStyle = false;

        Assert.Null(PathStyleEndpointProvider.TryResolve(parameters));
    }

    [Fact]
    public void ResolveEndpoint_CaseLeftToTheSdk_GetsTheSdkAnswer()
    {
        var parameters = Parameters("http://h:1/", "b", "us-east-1");
        parameters.ForcePathStyle = false;

        AssertSame(new AmazonS3EndpointProvider().ResolveEndpoint(parameters), new PathStyleEndpointProvider().ResolveEndpoint(parameters));
    }

    [Fact]
    public void CreateConfig_CustomEndpoint_UsesTheShortcut() =>
        Assert.IsType<PathStyleEndpointProvider>(
            S3ClientFactory.CreateConfig(new S3Settings { Endpoint = "http://127.0.0.1:9000", Bucket = "b", Region = "auto" }).EndpointProvider);

    [Fact]
    public void CreateConfig_Aws_KeepsTheSdkRules() =>
        Assert.IsNotType<PathStyleEndpointProvider>(S3ClientFactory.CreateConfig(new S3Settings { Bucket = "b", Region = "eu-west-1" }).EndpointProvider);

    /// <summary>What the SDK fills in for a client with a service URL, path-style and an authentication region.</summary>
    private static S3EndpointParameters Parameters(string endpoint, string? bucket, string region) => new()
    {
        Endpoint = endpoint,
        Bucket = bucket,
        Region = region,
        ForcePathStyle = true,
        UseFIPS = false,
        UseDualStack = false,
        Accelerate = false,
        UseGlobalEndpoint = false,
        UseArnRegion = false,
        DisableMultiRegionAccessPoints = false,
    };

    private static void AssertSame(Endpoint expected, Endpoint actual)
    {
        Assert.Equal(expected.URL, actual.URL);
        Assert.Equal(expected.Headers?.Count ?? 0, actual.Headers?.Count ?? 0);
        var expectedSchemes = (IList<object>)expected.Attributes["authSchemes"];
        var actualSchemes = (IList<object>)actual.Attributes["authSchemes"];
        Assert.Equal(expectedSchemes.Count, actualSchemes.Count);
        for (var i = 0; i < expectedSchemes.Count; i++)
        {
            var want = (IPropertyBag)expectedSchemes[i];
            var got = (IPropertyBag)actualSchemes[i];
            foreach (var key in new[] { "name", "signingName", "signingRegion", "disableDoubleEncoding" })
                Assert.Equal(want[key], got[key]);
        }
    }
}
