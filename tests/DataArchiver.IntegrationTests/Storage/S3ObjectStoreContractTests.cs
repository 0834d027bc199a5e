using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3.Model;
using DataArchiver.Core.Configuration;
using DataArchiver.Core.Storage;
using DataArchiver.IntegrationTests.Support;
using DataArchiver.Storage.S3;

namespace DataArchiver.IntegrationTests.Storage;

/// <summary>The store contract against the S3 test server, plus what only S3 has: bucket checks and aborted multipart uploads.</summary>
public sealed class S3ObjectStoreContractTests : ObjectStoreContract
{
    private readonly List<string> _warnings = [];

    protected override bool UploadsInParts => true;

    protected override IObjectStore NewStore(long multipartThreshold, long? partSize) =>
        new S3ObjectStore(Settings() with { MultipartThreshold = multipartThreshold, MultipartPartSize = partSize }, Warn);

    protected override IObjectStore NewUnusableStore() =>
        new S3ObjectStore(Settings() with { Endpoint = $"http://127.0.0.1:{UnusedPort()}" }, Warn);

    [Fact]
    public async Task CheckAccess_MissingBucket_SaysTheBucketDoesNotExist()
    {
        var bucket = "missing-" + Guid.NewGuid().ToString("N")[..12];
        var store = Track(new S3ObjectStore(Settings() with { Bucket = bucket }, Warn));

        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => store.CheckAccessAsync(Ct));

        Assert.True(error.IsAccessProblem);
        Assert.False(error.IsTransient);
        Assert.Equal($"bucket {bucket} does not exist at {TestServices.S3Endpoint}", error.Message);
    }

    [Fact]
    public async Task CheckAccess_NothingListening_SaysConnectionRefused()
    {
        var endpoint = $"http://127.0.0.1:{UnusedPort()}";
        var store = Track(new S3ObjectStore(Settings() with { Endpoint = endpoint }, Warn));

        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => store.CheckAccessAsync(Ct));

        Assert.True(error.IsAccessProblem);
        Assert.Equal($"cannot reach S3 endpoint {endpoint}: connection refused", error.Message);
    }

    [Fact]
    public async Task CheckAccess_UnknownAccessKey_NamesTheAccessKeyButNeverTheSecret()
    {
        // The test server checks access key ids but not v4 signatures, so an unknown key id stands for bad credentials.
        const string unknownKey = "UNKNOWNKEY0123456789";
        const string secret = "not-the-secret-0123456789";
        var store = Track(new S3ObjectStore(Settings() with { AccessKey = unknownKey, SecretKey = secret }, Warn));

        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => store.CheckAccessAsync(Ct));

        Assert.True(error.IsAccessProblem);
        Assert.False(error.IsTransient);
        Assert.Equal($"S3 refused the credentials for access key {unknownKey} at {TestServices.S3Endpoint} (InvalidAccessKeyId)", error.Message);
        Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_MultipartCancelledAfterFirstPart_AbortsTheUploadAndStoresNothing()
    {
        var store = (S3ObjectStore)Store(multipartThreshold: 5 * MiB, partSize: 5 * MiB);
        var source = await StoreFiles.RandomAsync(Scratch, 12 * MiB);
        var key = Prefix + "cancelled-multipart.bin";
        using var cancel = new CancellationTokenSource();
        var partsAnswered = 0;
        store.Client.AfterResponseEvent += (_, args) =>
        {
            if (args is WebServiceResponseEventArgs { Request: UploadPartRequest } && Interlocked.Increment(ref partsAnswered) == 1)
                cancel.Cancel();
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.PutAsync(key, source, ObjectInfo.NoMetadata, cancel.Token));

        Assert.True(partsAnswered >= 1);
        await AssertAbortedAsync(key);
    }

    [Fact]
    public async Task Put_MultipartFailingMidway_AbortsTheUploadAndThrowsTheOriginalError()
    {
        var store = Store(multipartThreshold: 5 * MiB, partSize: 5 * MiB);
        var real = await StoreFiles.RandomAsync(Scratch, 7 * MiB);
        // The file holds fewer bytes than recorded: the first part uploads, the last ones cannot be read.
        var truncated = real with { Length = 16 * MiB };
        var key = Prefix + "failing-multipart.bin";

        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => store.PutAsync(key, truncated, ObjectInfo.NoMetadata, Ct));

        Assert.IsType<IOException>(error.InnerException);
        await AssertAbortedAsync(key);
    }

    private async Task AssertAbortedAsync(string key)
    {
        var abort = await S3ServerLog.FindRequestAsync(line => S3ServerLog.IsAbortOf(line, TestServices.S3Bucket, key), TimeSpan.FromSeconds(10));
        Assert.True(abort is not null, $"no AbortMultipartUpload request for {key} in {TestServices.S3Log}");
        Assert.Null(await Store().HeadAsync(key, Ct));
        Assert.Empty(await ListKeysAsync(Store(), key));
        // The test server refuses aborts (405): the store says so as a warning, without any credentials.
        string[] warnings;
        lock (_warnings)
            warnings = [.. _warnings];
        var warning = Assert.Single(warnings, text => text.Contains(key, StringComparison.Ordinal));
        Assert.Contains("405", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(TestServices.S3SecretKey, warning, StringComparison.Ordinal);
    }

    private void Warn(string message)
    {
        lock (_warnings)
            _warnings.Add(message);
    }

    private static S3Settings Settings() => new()
    {
        Endpoint = TestServices.S3Endpoint,
        Bucket = TestServices.S3Bucket,
        AccessKey = TestServices.S3AccessKey,
        SecretKey = TestServices.S3SecretKey,
        Region = "auto",
    };

    /// <summary>A loopback port nothing listens on: bound by the OS for a moment, then released.</summary>
    private static int UnusedPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
