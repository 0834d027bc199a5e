using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Storage;

/// <summary>The S3 store contract against s3rver, which logs every request but refuses multipart aborts (405).</summary>
public sealed class S3rverObjectStoreContractTests : S3ObjectStoreContract
{
    protected override S3Server Server => S3Server.S3rver;

    /// <summary>The abort reached the server (its log), which refused it: the store says so as a warning, without credentials.</summary>
    protected override async Task AssertUploadAbortedAsync(string key)
    {
        var abort = await S3ServerLog.FindRequestAsync(line => S3ServerLog.IsAbortOf(line, Server.Bucket, key), TimeSpan.FromSeconds(10));
        Assert.True(abort is not null, $"no AbortMultipartUpload request for {key} in {TestServices.S3Log}");
        var warning = Assert.Single(WarningsAbout(key));
        Assert.Contains("405", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(Server.SecretKey, warning, StringComparison.Ordinal);
    }
}
