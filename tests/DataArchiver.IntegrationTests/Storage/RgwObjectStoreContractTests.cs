using System.Security.Cryptography;
using DataArchiver.Core.Pipeline;
using DataArchiver.Core.Storage;
using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Storage;

/// <summary>
/// The S3 store contract against Ceph's RADOS Gateway, plus what only a real S3 implementation shows: signatures
/// checked, Content-MD5 enforced, aborts that leave no upload behind, multipart ETags in the AWS form.
/// </summary>
public sealed class RgwObjectStoreContractTests : S3ObjectStoreContract
{
    protected override S3Server Server => S3Server.Rgw;

    /// <summary>The server lists no upload of the key any more, and the abort was answered (no warning).</summary>
    protected override async Task AssertUploadAbortedAsync(string key)
    {
        using var s3 = S3TestClient.Create(Server);
        Assert.Empty(await S3TestClient.PendingUploadsAsync(s3, Server.Bucket, key));
        Assert.Empty(WarningsAbout(key));
    }

    [Fact]
    public async Task PendingUploads_ListsAnUploadBegunAndNeitherCompletedNorAborted()
    {
        // The positive control of the abort checks: the listing does see an upload left open.
        using var s3 = S3TestClient.Create(Server);
        var key = Prefix + "left-open.bin";
        var started = await s3.InitiateMultipartUploadAsync(Server.Bucket, key, Ct);

        var pending = await S3TestClient.PendingUploadsAsync(s3, Server.Bucket, key);

        Assert.Equal(started.UploadId, Assert.Single(pending).UploadId);
        await s3.AbortMultipartUploadAsync(Server.Bucket, key, started.UploadId, Ct);
        Assert.Empty(await S3TestClient.PendingUploadsAsync(s3, Server.Bucket, key));
    }

    [Fact]
    public async Task CheckAccess_WrongSecret_SignatureRefusedAndTheSecretNeverShown()
    {
        const string secret = "wrong-secret-marker-0123456789abcdef0000";
        var store = StoreOn(Server with { SecretKey = secret });

        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => store.CheckAccessAsync(Ct));

        Assert.True(error.IsAccessProblem);
        Assert.False(error.IsTransient);
        Assert.Equal($"S3 refused the credentials for access key {Server.AccessKey} at {Server.Endpoint} (SignatureDoesNotMatch)", error.Message);
        Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAccess_UserWithoutRightsToTheBucket_SaysAccessDenied()
    {
        var store = StoreOn(Server with { AccessKey = TestServices.RgwStrangerAccessKey, SecretKey = TestServices.RgwStrangerSecretKey });

        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => store.CheckAccessAsync(Ct));

        Assert.True(error.IsAccessProblem);
        Assert.False(error.IsTransient);
        Assert.Equal(
            $"S3 at {Server.Endpoint} denied access key {TestServices.RgwStrangerAccessKey} access to bucket {Server.Bucket} (403 AccessDenied)",
            error.Message);
    }

    [Fact]
    public async Task Put_FileChangedSinceItWasHashed_BadDigestIsTransientAndNothingIsStored()
    {
        var store = Store();
        var real = await StoreFiles.RandomAsync(Scratch, 4096);
        var changed = real with { Md5 = MD5.HashData("the bytes it was written with"u8) };
        var key = Prefix + "bad-digest";

        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => store.PutAsync(key, changed, ObjectInfo.NoMetadata, Ct));

        Assert.Contains("400 BadDigest", error.Message, StringComparison.Ordinal);
        Assert.True(error.IsTransient);
        Assert.False(error.IsAccessProblem);
        Assert.Null(await store.HeadAsync(key, Ct));
    }

    [Fact]
    public async Task Put_Multipart_HeadAnswersTheAwsMultipartETag_WhichVerifies()
    {
        var partSize = 5 * MiB;
        var store = Store(multipartThreshold: 5 * MiB, partSize: partSize);
        var source = await StoreFiles.RandomAsync(Scratch, 11 * MiB);
        var key = Prefix + "aws-etag.bin";

        var put = await store.PutAsync(key, source, ObjectInfo.NoMetadata, Ct);
        var head = await store.HeadAsync(key, Ct);

        Assert.NotNull(head);
        var parts = StoreFiles.PartMd5s(source.FilePath, partSize);
        var expected = $"{Convert.ToHexStringLower(MD5.HashData(parts.SelectMany(p => p).ToArray()))}-3";
        Assert.Equal(expected, head.ETag);
        Assert.NotEqual(source.Md5Hex, head.ETag);
        var verified = ExpectedObject.Of(source) with { PartMd5s = put.PartMd5s, TrustMetadata = false };
        Assert.Null(verified.Mismatch(head));
        Assert.NotNull((verified with { PartMd5s = [parts[0], parts[1], parts[0]] }).Mismatch(head));
    }
}
