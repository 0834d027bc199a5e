using System.Security.Cryptography;
using System.Text;
using DataArchiver.Core.Configuration;
using DataArchiver.Core.Storage;
using DataArchiver.Storage.S3;

namespace DataArchiver.Tests.Storage;

/// <summary>What the S3 store sends, checked on a recording loopback server: the S3-compatible defaults and Content-MD5.</summary>
public sealed class S3ObjectStoreWireTests : IAsyncLifetime
{
    private const string Bucket = "archive";
    private readonly RecordingS3Server _server = new();
    private readonly string _scratch = Directory.CreateTempSubdirectory("da-s3-wire-").FullName;
    private readonly List<string> _warnings = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_scratch, recursive: true);
    }

    [Fact]
    public async Task Put_BelowThreshold_SendsThePlainFileWithContentMd5()
    {
        using var store = CreateSut();
        var (source, bytes) = await WriteFileAsync(300_000);

        var put = await store.PutAsync("daily/events-2024-01-01.jsonl.zst", source, new Dictionary<string, string> { ["rows"] = "42" }, CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal($"/{Bucket}/daily/events-2024-01-01.jsonl.zst", request.Url);
        Assert.Equal(bytes, request.Body);
        Assert.Equal(source.Md5Base64, request.Header("Content-MD5"));
        Assert.Equal("42", request.Header("x-amz-meta-rows"));
        Assert.Equal(source.Md5Hex, put.ETag);
        Assert.False(put.IsMultipart);
        AssertS3CompatibleUpload(request);
    }

    [Fact]
    public async Task Put_AtThreshold_SendsPartsEachWithItsOwnContentMd5()
    {
        using var store = CreateSut(multipartThreshold: 1000, partSize: 400);
        var (source, bytes) = await WriteFileAsync(1000);
        byte[][] slices = [bytes[..400], bytes[400..800], bytes[800..]];

        var put = await store.PutAsync("k.csv", source, new Dictionary<string, string> { ["rows"] = "42" }, CancellationToken.None);

        var requests = _server.Requests;
        var initiate = Assert.Single(requests, r => r.Method == "POST" && r.HasQuery("uploads"));
        Assert.Equal("42", initiate.Header("x-amz-meta-rows"));
        var parts = requests.Where(r => r.Method == "PUT").OrderBy(r => r.Url, StringComparer.Ordinal).ToList();
        Assert.Equal(3, parts.Count);
        for (var i = 0; i < 3; i++)
        {
            Assert.Contains($"partNumber={i + 1}", parts[i].Url, StringComparison.Ordinal);
            Assert.Equal(slices[i], parts[i].Body);
            Assert.Equal(Convert.ToBase64String(MD5.HashData(slices[i])), parts[i].Header("Content-MD5"));
            AssertS3CompatibleUpload(parts[i]);
        }
        var complete = Assert.Single(requests, r => r.Method == "POST" && r.HasQuery("uploadId=upload-1"));
        var completeXml = Encoding.UTF8.GetString(complete.Body);
        for (var i = 0; i < 3; i++)
            Assert.Contains($"<PartNumber>{i + 1}</PartNumber>", completeXml, StringComparison.Ordinal);
        Assert.Equal(slices.Select(slice => MD5.HashData(slice)), put.PartMd5s);
        Assert.Equal("0123456789abcdef0123456789abcdef-3", put.ETag);
        Assert.DoesNotContain(requests, r => r.Method == "DELETE");
    }

    [Fact]
    public async Task Put_PartThrottled_AbortsAndThrowsTransient()
    {
        using var store = CreateSut(multipartThreshold: 1000, partSize: 400);
        var (source, _) = await WriteFileAsync(1000);
        _server.Respond = r => r.Method == "PUT" && r.HasQuery("partNumber=2") ? (503, "SlowDown") : null;

        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => store.PutAsync("k.csv", source, ObjectInfo.NoMetadata, CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Contains("503 SlowDown", error.Message, StringComparison.Ordinal);
        Assert.Single(_server.Requests, r => r.Method == "DELETE" && r.Url == $"/{Bucket}/k.csv?uploadId=upload-1");
        Assert.DoesNotContain(_server.Requests, r => r.Method == "POST" && r.HasQuery("uploadId"));
        Assert.Empty(_warnings);
    }

    [Fact]
    public async Task Put_AbortRefused_WarnsAndThrowsTheOriginalError()
    {
        using var store = CreateSut(multipartThreshold: 1000, partSize: 400);
        var (source, _) = await WriteFileAsync(1000);
        _server.Respond = r => r switch
        {
            { Method: "PUT" } when r.HasQuery("partNumber=3") => (403, "AccessDenied"),
            { Method: "DELETE" } => (405, "MethodNotAllowed"),
            _ => null,
        };

        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => store.PutAsync("k.csv", source, ObjectInfo.NoMetadata, CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Contains("403 AccessDenied", error.Message, StringComparison.Ordinal);
        var warning = Assert.Single(_warnings);
        Assert.Contains("upload-1", warning, StringComparison.Ordinal);
        Assert.Contains("405 MethodNotAllowed", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Head_Existing_ReturnsUnquotedETagAndBareMetadataKeys()
    {
        using var store = CreateSut();

        var head = await store.HeadAsync("k", CancellationToken.None);

        Assert.NotNull(head);
        Assert.Equal("0123456789abcdef0123456789abcdef", head.ETag);
        Assert.Equal(new Dictionary<string, string> { ["rows"] = "42" }, head.Metadata);
    }

    [Fact]
    public async Task Head_NotFound_ReturnsNull()
    {
        using var store = CreateSut();
        _server.Respond = _ => (404, "NoSuchKey");

        Assert.Null(await store.HeadAsync("k", CancellationToken.None));
    }

    [Theory]
    [InlineData(403, false)]
    [InlineData(400, false)]
    [InlineData(503, true)]
    public async Task Head_OtherFailure_ThrowsInsteadOfReportingAbsent(int status, bool transient)
    {
        using var store = CreateSut();
        _server.Respond = _ => (status, "");

        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => store.HeadAsync("k", CancellationToken.None));

        Assert.Equal(transient, error.IsTransient);
    }

    private S3ObjectStore CreateSut(long multipartThreshold = 100L * 1024 * 1024, long? partSize = null) => new(new S3Settings
    {
        Endpoint = _server.Endpoint,
        Bucket = Bucket,
        Region = "auto",
        AccessKey = "AKIDTEST",
        SecretKey = "secret-never-shown",
        MultipartThreshold = multipartThreshold,
        MultipartPartSize = partSize,
    }, message =>
    {
        lock (_warnings)
            _warnings.Add(message);
    });

    private async Task<(UploadSource Source, byte[] Bytes)> WriteFileAsync(int length)
    {
        var bytes = RandomNumberGenerator.GetBytes(length);
        var path = Path.Combine(_scratch, Guid.NewGuid().ToString("N"));
        await File.WriteAllBytesAsync(path, bytes);
        return (new UploadSource(path, length, MD5.HashData(bytes)), bytes);
    }

    /// <summary>No aws-chunked framing, no flexible-checksum headers or trailers, SigV4 for us-east-1 over a signed plain payload.</summary>
    private static void AssertS3CompatibleUpload(RecordedRequest request)
    {
        Assert.DoesNotContain("aws-chunked", request.Header("Content-Encoding") ?? "", StringComparison.Ordinal);
        Assert.Null(request.Header("x-amz-decoded-content-length"));
        Assert.Null(request.Header("x-amz-trailer"));
        Assert.DoesNotContain(request.Headers.Keys, name => name.StartsWith("x-amz-checksum", StringComparison.Ordinal) || name.StartsWith("x-amz-sdk-checksum", StringComparison.Ordinal));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(request.Body)), request.Header("x-amz-content-sha256"));
        Assert.Contains("/us-east-1/s3/aws4_request", request.Header("Authorization"), StringComparison.Ordinal);
        Assert.DoesNotContain("secret-never-shown", string.Join('\n', request.Headers.Values), StringComparison.Ordinal);
    }
}
