using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.S3.Model;
using DataArchiver.Core.Configuration;
using DataArchiver.Core.Storage;
using DataArchiver.IntegrationTests.Support;
using DataArchiver.Storage.S3;

namespace DataArchiver.IntegrationTests.Storage;

/// <summary>
/// The store contract plus what only S3 has (bucket checks, credentials, aborted multipart uploads, a streamed GET),
/// run against each test S3 server by a subclass; each server adds the checks only it can support.
/// </summary>
public abstract class S3ObjectStoreContract : ObjectStoreContract
{
    private readonly List<string> _warnings = [];

    /// <summary>The server under test.</summary>
    protected abstract S3Server Server { get; }

    protected override bool UploadsInParts => true;

    protected override IObjectStore NewStore(long multipartThreshold, long? partSize) =>
        new S3ObjectStore(Settings(Server) with { MultipartThreshold = multipartThreshold, MultipartPartSize = partSize }, Warn);

    protected override IObjectStore NewUnusableStore() =>
        new S3ObjectStore(Settings(Server) with { Endpoint = $"http://127.0.0.1:{UnusedPort()}" }, Warn);

    /// <summary>The server-specific proof that the multipart upload of <paramref name="key"/> was aborted.</summary>
    protected abstract Task AssertUploadAbortedAsync(string key);

    /// <summary>Warnings the stores of this test gave so far that mention <paramref name="key"/>.</summary>
    protected string[] WarningsAbout(string key)
    {
        lock (_warnings)
            return [.. _warnings.Where(text => text.Contains(key, StringComparison.Ordinal))];
    }

    /// <summary>A store on <paramref name="server"/> with this test's warning sink.</summary>
    protected S3ObjectStore StoreOn(S3Server server, long multipartThreshold = DefaultThreshold, long? partSize = null) =>
        (S3ObjectStore)Track(new S3ObjectStore(Settings(server) with { MultipartThreshold = multipartThreshold, MultipartPartSize = partSize }, Warn));

    [Fact]
    public async Task CheckAccess_MissingBucket_SaysTheBucketDoesNotExist()
    {
        var bucket = "missing-" + Guid.NewGuid().ToString("N")[..12];
        var store = StoreOn(Server with { Bucket = bucket });

        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => store.CheckAccessAsync(Ct));

        Assert.True(error.IsAccessProblem);
        Assert.False(error.IsTransient);
        Assert.Equal($"bucket {bucket} does not exist at {Server.Endpoint}", error.Message);
    }

    [Fact]
    public async Task CheckAccess_NothingListening_SaysConnectionRefused()
    {
        var endpoint = $"http://127.0.0.1:{UnusedPort()}";
        var store = StoreOn(Server.Via(endpoint));

        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => store.CheckAccessAsync(Ct));

        Assert.True(error.IsAccessProblem);
        Assert.Equal($"cannot reach S3 endpoint {endpoint}: connection refused", error.Message);
    }

    [Fact]
    public async Task CheckAccess_UnknownAccessKey_NamesTheAccessKeyButNeverTheSecret()
    {
        const string unknownKey = "UNKNOWNKEY0123456789";
        const string secret = "not-the-secret-0123456789";
        var store = StoreOn(Server with { AccessKey = unknownKey, SecretKey = secret });

        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => store.CheckAccessAsync(Ct));

        Assert.True(error.IsAccessProblem);
        Assert.False(error.IsTransient);
        Assert.Equal($"S3 refused the credentials for access key {unknownKey} at {Server.Endpoint} (InvalidAccessKeyId)", error.Message);
        Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_MultipartCancelledAfterFirstPart_AbortsTheUploadAndStoresNothing()
    {
        var store = StoreOn(Server, multipartThreshold: 5 * MiB, partSize: 5 * MiB);
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
        await AssertNothingStoredAsync(key);
        await AssertUploadAbortedAsync(key);
    }

    [Fact]
    public async Task Put_MultipartFailingMidway_AbortsTheUploadAndThrowsTheServersError()
    {
        // The second part is refused (a permanent error, so the SDK does not resend it); the first one is stored by then.
        await using var proxy = new HttpGateProxy(Server.Endpoint,
            answer: line => line.Contains("partNumber=2&", StringComparison.Ordinal)
                ? HttpGateProxy.ErrorResponse(400, "Bad Request", "InvalidArgument")
                : null);
        var store = StoreOn(Server.Via(proxy.Endpoint), multipartThreshold: 5 * MiB, partSize: 5 * MiB);
        var source = await StoreFiles.RandomAsync(Scratch, 12 * MiB);
        var key = Prefix + "failing-multipart.bin";

        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => store.PutAsync(key, source, ObjectInfo.NoMetadata, Ct));

        Assert.Contains("400 InvalidArgument", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
        await AssertNothingStoredAsync(key);
        await AssertUploadAbortedAsync(key);
    }

    [Fact]
    public async Task Put_MultipartFileChangedSinceItWasHashed_RefusedAsTransientBeforeAnyRequest()
    {
        var store = StoreOn(Server, multipartThreshold: 5 * MiB, partSize: 5 * MiB);
        var real = await StoreFiles.RandomAsync(Scratch, 11 * MiB);
        var changed = real with { Md5 = MD5.HashData("the bytes it was written with"u8) };
        var key = Prefix + "changed-multipart.bin";
        var requests = 0;
        store.Client.BeforeRequestEvent += (_, _) => Interlocked.Increment(ref requests);

        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => store.PutAsync(key, changed, ObjectInfo.NoMetadata, Ct));

        Assert.True(error.IsTransient);
        Assert.Contains($"now has MD5 {real.Md5Hex}, it was written with {changed.Md5Hex}", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, requests);
        await AssertNothingStoredAsync(key);
    }

    [Fact]
    public async Task OpenRead_StreamsAsTheCallerReads()
    {
        var source = await StoreFiles.RandomAsync(Scratch, 32 * MiB);
        var key = Prefix + "streamed.bin";
        await Store().PutAsync(key, source, ObjectInfo.NoMetadata, Ct);
        await using var proxy = new HttpGateProxy(Server.Endpoint);
        var store = StoreOn(Server.Via(proxy.Endpoint));

        await using var stream = await store.OpenReadAsync(key, Ct);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var buffer = new byte[MiB];
        await stream.ReadExactlyAsync(buffer, Ct);
        md5.AppendData(buffer);
        // A store that buffered the object would have pulled all of it through the proxy before the first read returned;
        // a stream leaves the rest on the way (socket buffers hold a few MiB at most).
        var relayedAfterFirstRead = proxy.BytesToClients;
        long length = buffer.Length;
        int read;
        while ((read = await stream.ReadAsync(buffer, Ct)) > 0)
        {
            md5.AppendData(buffer, 0, read);
            length += read;
        }

        Assert.True(relayedAfterFirstRead < 16 * MiB, $"{relayedAfterFirstRead} bytes had come through before the first MiB was read");
        Assert.Equal(source.Length, length);
        Assert.Equal(source.Md5, md5.GetHashAndReset());
    }

    private async Task AssertNothingStoredAsync(string key)
    {
        Assert.Null(await Store().HeadAsync(key, Ct));
        Assert.Empty(await ListKeysAsync(Store(), key));
    }

    private void Warn(string message)
    {
        lock (_warnings)
            _warnings.Add(message);
    }

    protected static S3Settings Settings(S3Server server) => new()
    {
        Endpoint = server.Endpoint,
        Bucket = server.Bucket,
        AccessKey = server.AccessKey,
        SecretKey = server.SecretKey,
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
