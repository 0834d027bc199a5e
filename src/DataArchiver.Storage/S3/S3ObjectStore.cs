using System.Runtime.CompilerServices;
using Amazon.S3;
using Amazon.S3.Model;
using DataArchiver.Core.Configuration;
using DataArchiver.Core.Storage;

namespace DataArchiver.Storage.S3;

/// <summary>
/// <see cref="IObjectStore"/> on an S3 bucket, at AWS or any S3-compatible endpoint: single PUT below the
/// multipart threshold, concurrent multipart upload from the file above it, Content-MD5 on every upload request.
/// </summary>
public sealed class S3ObjectStore : IObjectStore, IDisposable
{
    private const string MetadataPrefix = "x-amz-meta-";

    private readonly S3Settings _settings;
    private readonly AmazonS3Client _client;
    private readonly S3MultipartUpload _multipart;
    private readonly Action<string> _warn;

    /// <summary>Creates a store for <paramref name="settings"/>; <paramref name="warn"/> hears non-fatal notices (e.g. an abort the server refused).</summary>
    public S3ObjectStore(S3Settings settings, Action<string>? warn = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.MultipartThreshold, nameof(settings));
        _settings = settings;
        _client = S3ClientFactory.Create(settings);
        _warn = warn ?? (_ => { });
        _multipart = new S3MultipartUpload(_client, settings.Bucket, _warn);
    }

    /// <summary>The SDK client, for tests that observe requests.</summary>
    internal AmazonS3Client Client => _client;

    /// <inheritdoc />
    public string Describe() => $"s3://{_settings.Bucket} at {EndpointText}";

    /// <inheritdoc />
    public async Task CheckAccessAsync(CancellationToken cancellationToken)
    {
        try
        {
            // A prefix no object has: the listing proves the bucket and the credentials without reading any object.
            await _client.ListObjectsV2Async(
                new ListObjectsV2Request { BucketName = _settings.Bucket, MaxKeys = 1, Prefix = ".data-archiver-access-check/" }, cancellationToken);
        }
        catch (Exception error) when (!IsCallerCancellation(error, cancellationToken))
        {
            throw S3AccessCheck.Explain(error, _settings.Bucket, EndpointText, _settings.AccessKey);
        }
    }

    /// <inheritdoc />
    public async Task<ObjectInfo?> HeadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = _settings.Bucket, Key = key }, cancellationToken);
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in response.Metadata.Keys)
            {
                var bare = name.StartsWith(MetadataPrefix, StringComparison.OrdinalIgnoreCase) ? name[MetadataPrefix.Length..] : name;
                metadata[bare.ToLowerInvariant()] = response.Metadata[name];
            }
            return new ObjectInfo(key, response.ContentLength, Unquote(response.ETag), metadata);
        }
        catch (Exception error) when (S3Errors.IsNotFound(error))
        {
            return null;
        }
        catch (Exception error) when (!IsCallerCancellation(error, cancellationToken))
        {
            throw S3Errors.Translate(error, "HEAD " + Address(key));
        }
    }

    /// <inheritdoc />
    public async Task<PutResult> PutAsync(string key, UploadSource source, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(metadata);
        try
        {
            await _multipart.AbortUnansweredAsync(key, cancellationToken);
            if (source.Length >= _settings.MultipartThreshold)
            {
                var partSize = PartSizing.Choose(source.Length, _settings.MultipartPartSize);
                return await _multipart.UploadAsync(key, source, metadata, partSize, cancellationToken);
            }
            var request = new PutObjectRequest
            {
                BucketName = _settings.Bucket,
                Key = key,
                FilePath = source.FilePath,
                MD5Digest = source.Md5Base64,
                // aws-chunked bodies are not understood by every S3-compatible server (some store the framing verbatim).
                UseChunkEncoding = false,
            };
            foreach (var (name, value) in metadata)
                request.Metadata.Add(name, value);
            var response = await _client.PutObjectAsync(request, cancellationToken);
            return new PutResult(Unquote(response.ETag), []);
        }
        catch (Exception error) when (!IsCallerCancellation(error, cancellationToken))
        {
            throw S3Errors.Translate(error, "PUT " + Address(key));
        }
    }

    /// <inheritdoc />
    public async Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _client.GetObjectAsync(new GetObjectRequest { BucketName = _settings.Bucket, Key = key }, cancellationToken);
            return response.ResponseStream;
        }
        catch (Exception error) when (!IsCallerCancellation(error, cancellationToken))
        {
            throw S3Errors.Translate(error, "GET " + Address(key));
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListObjectsV2Request { BucketName = _settings.Bucket, Prefix = prefix };
        while (true)
        {
            var page = await ListPageAsync(request, cancellationToken);
            foreach (var item in page.S3Objects ?? [])
                yield return new ObjectInfo(item.Key, item.Size ?? 0, Unquote(item.ETag), ObjectInfo.NoMetadata);
            if (page.IsTruncated != true || string.IsNullOrEmpty(page.NextContinuationToken))
                yield break;
            request.ContinuationToken = page.NextContinuationToken;
        }
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await _client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = _settings.Bucket, Key = key }, cancellationToken);
        }
        catch (Exception error) when (S3Errors.IsNotFound(error))
        {
            // Already gone: deleting is idempotent.
        }
        catch (Exception error) when (!IsCallerCancellation(error, cancellationToken))
        {
            throw S3Errors.Translate(error, "DELETE " + Address(key));
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_multipart.UnansweredCount is > 0 and var count)
            _warn($"{count} multipart upload(s) could not be aborted while the store was unreachable; "
                + "their parts may stay stored until a lifecycle rule removes incomplete uploads");
        _client.Dispose();
    }

    /// <summary>An ETag without the quotes S3 puts around it.</summary>
    internal static string? Unquote(string? etag) => etag?.Trim('"');

    private string EndpointText => string.IsNullOrEmpty(_settings.Endpoint)
        ? $"AWS region {S3ClientFactory.SigningRegion(_settings.Region)}"
        : WithoutUserInfo(_settings.Endpoint);

    private string Address(string key) => $"s3://{_settings.Bucket}/{key}";

    private async Task<ListObjectsV2Response> ListPageAsync(ListObjectsV2Request request, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.ListObjectsV2Async(request, cancellationToken);
        }
        catch (Exception error) when (!IsCallerCancellation(error, cancellationToken))
        {
            throw S3Errors.Translate(error, $"LIST s3://{_settings.Bucket}/{request.Prefix}");
        }
    }

    /// <summary>A cancellation the caller asked for surfaces unchanged; an SDK timeout is a transient store failure.</summary>
    private static bool IsCallerCancellation(Exception error, CancellationToken cancellationToken) =>
        error is OperationCanceledException && cancellationToken.IsCancellationRequested;

    private static string WithoutUserInfo(string endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? new UriBuilder(uri) { UserName = "", Password = "" }.Uri.ToString().TrimEnd('/')
            : endpoint;
}
