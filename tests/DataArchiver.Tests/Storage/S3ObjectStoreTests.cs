using DataArchiver.Core.Configuration;
using DataArchiver.Storage.S3;

namespace DataArchiver.Tests.Storage;

public sealed class S3ObjectStoreTests
{
    [Fact]
    public void Describe_NamesBucketAndEndpointButNoCredentials()
    {
        using var store = new S3ObjectStore(new S3Settings
        {
            Endpoint = "http://user:hunter2@127.0.0.1:9000", Bucket = "archive", Region = "auto", AccessKey = "AKID", SecretKey = "s3cr3t-value",
        });

        var text = store.Describe();

        Assert.Equal("s3://archive at http://127.0.0.1:9000", text);
        Assert.DoesNotContain("s3cr3t-value", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
    }
}
