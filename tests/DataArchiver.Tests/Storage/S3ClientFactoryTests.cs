using Amazon.Runtime;
using DataArchiver.Core.Configuration;
using DataArchiver.Storage.S3;

namespace DataArchiver.Tests.Storage;

public sealed class S3ClientFactoryTests
{
    [Theory]
    [InlineData("auto")]
    [InlineData("AUTO")]
    [InlineData("")]
    public void CreateConfig_CustomEndpointWithAutoRegion_SignsAsUsEast1PathStyle(string region)
    {
        var config = S3ClientFactory.CreateConfig(new S3Settings { Endpoint = "http://127.0.0.1:9000", Bucket = "b", Region = region });

        Assert.Equal("us-east-1", config.AuthenticationRegion);
        Assert.True(config.ForcePathStyle);
        Assert.StartsWith("http://127.0.0.1:9000", config.ServiceURL, StringComparison.Ordinal);
        Assert.Equal(RequestChecksumCalculation.WHEN_REQUIRED, config.RequestChecksumCalculation);
        Assert.Equal(ResponseChecksumValidation.WHEN_REQUIRED, config.ResponseChecksumValidation);
    }

    [Fact]
    public void CreateConfig_CustomEndpointWithRegion_SignsForThatRegion() =>
        Assert.Equal("eu-central-1", S3ClientFactory.CreateConfig(new S3Settings { Endpoint = "http://127.0.0.1:9000", Bucket = "b", Region = "eu-central-1" }).AuthenticationRegion);

    [Fact]
    public void CreateConfig_NoEndpoint_UsesAwsRegionEndpoint()
    {
        var config = S3ClientFactory.CreateConfig(new S3Settings { Bucket = "b", Region = "eu-west-1" });

        Assert.Equal("eu-west-1", config.RegionEndpoint?.SystemName);
        Assert.Null(config.ServiceURL);
    }

    [Fact]
    public void Create_AccessKeyWithoutSecret_Throws() =>
        Assert.Throws<ArgumentException>(() => S3ClientFactory.Create(new S3Settings { Bucket = "b", Region = "auto", Endpoint = "http://127.0.0.1:1", AccessKey = "AK" }));
}
