using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using DataArchiver.Core.Storage;

namespace DataArchiver.Storage.S3;

/// <summary>
/// Multipart uploads from a file: parts read straight from the file at their offsets, several in flight at
/// once, each with its own Content-MD5; aborted when anything fails or the caller cancels. An abort the store
/// never answered (it was unreachable, as it often is when the upload failed) is sent again before the same key
/// is next uploaded, which is when the unit's retry finds the store back.
/// </summary>
internal sealed class S3MultipartUpload(IAmazonS3 client, string bucket, Action<string> warn)
{
    /// <summary>How many parts are in flight at once; memory stays bounded because parts stream from the file.</summary>
    public const int Concurrency = 4;

    // Reads of 64 KiB hash as fast as larger ones, and a buffer the shared pool keeps cached on a thread stays small.
    private const int HashBufferSize = 64 * 1024;

    /// <summary>How long an abort may take once the upload has failed (the caller's token may be cancelled by then).</summary>
    private static readonly TimeSpan AbortTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Uploads whose abort got no answer from the store: upload id → key.</summary>
    private readonly ConcurrentDictionary<string, string> _unanswered = new(StringComparer.Ordinal);

    /// <summary>How long an abort may take when the caller cancelled: an interrupted run must stop within about two seconds.</summary>
    private static readonly TimeSpan InterruptedAbortTimeout = TimeSpan.FromSeconds(1.5);

    /// <summary>Uploads <paramref name="source"/> in parts of <paramref name="partSize"/> bytes.</summary>
    public async Task<PutResult> UploadAsync(string key, UploadSource source, IReadOnlyDictionary<string, string> metadata, long partSize, CancellationToken cancellationToken)
    {
        var count = (int)PartSizing.PartCount(source.Length, partSize);
        // The server checks each part against its Content-MD5, but those hashes are taken now, not when the file was
        // written: one pass takes them together with the whole file's MD5, which must still be the one recorded.
        var md5s = await PartMd5sAsync(key, source, partSize, count, cancellationToken);
        var initiate = new InitiateMultipartUploadRequest { BucketName = bucket, Key = key };
        foreach (var (name, value) in metadata)
            initiate.Metadata.Add(name, value);
        var started = await client.InitiateMultipartUploadAsync(initiate, cancellationToken);
        var uploadId = started.UploadId;
        try
        {
            var etags = new string[count];
            var options = new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(Enumerable.Range(0, count), options, async (index, token) =>
            {
                var offset = index * partSize;
                var length = Math.Min(partSize, source.Length - offset);
                var response = await client.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = bucket,
                    Key = key,
                    UploadId = uploadId,
                    PartNumber = index + 1,
                    FilePath = source.FilePath,
                    FilePosition = offset,
                    PartSize = length,
                    IsLastPart = index == count - 1,
                    MD5Digest = Convert.ToBase64String(md5s[index]),
                    UseChunkEncoding = false,
                }, token);
                etags[index] = response.ETag;
            });

            // Every part may have landed just before a cancellation; completing would still publish the object.
            cancellationToken.ThrowIfCancellationRequested();
            var complete = new CompleteMultipartUploadRequest
            {
                BucketName = bucket,
                Key = key,
                UploadId = uploadId,
                PartETags = etags.Select((etag, index) => new PartETag(index + 1, etag)).ToList(),
            };
            var completed = await client.CompleteMultipartUploadAsync(complete, cancellationToken);
            return new PutResult(S3ObjectStore.Unquote(completed.ETag), md5s);
        }
        catch (Exception)
        {
            // Not the caller's token: a cancelled upload must still be aborted, quickly when the run is interrupted.
            await AbortAsync(key, uploadId, CancellationToken.None, cancellationToken.IsCancellationRequested ? InterruptedAbortTimeout : AbortTimeout);
            throw;
        }
    }

    /// <summary>How many uploads still wait for an abort the store answers.</summary>
    public int UnansweredCount => _unanswered.Count;

    /// <summary>Sends again the aborts of earlier uploads of <paramref name="key"/> that the store never answered.</summary>
    public async Task AbortUnansweredAsync(string key, CancellationToken cancellationToken)
    {
        foreach (var (uploadId, pendingKey) in _unanswered)
        {
            if (pendingKey == key && _unanswered.TryRemove(uploadId, out _))
                await AbortAsync(key, uploadId, cancellationToken);
        }
    }

    /// <summary>
    /// Aborts the upload so no parts stay stored. Never throws: a refusal is reported as a warning; an abort that got
    /// no answer at all is also kept for <see cref="AbortUnansweredAsync"/>.
    /// </summary>
    private async Task AbortAsync(string key, string uploadId, CancellationToken cancellationToken, TimeSpan? within = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(within ?? AbortTimeout);
        try
        {
            await client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = uploadId }, timeout.Token);
        }
        catch (Exception error)
        {
            // A status code is the store's answer and sending again changes nothing; no answer may change once it is back.
            var answered = error is AmazonServiceException { StatusCode: not 0 };
            if (!answered)
                _unanswered[uploadId] = key;
            warn($"could not abort multipart upload {uploadId} of s3://{bucket}/{key} ({S3Errors.Reason(error)}); " + (answered
                ? "its parts may stay stored until a lifecycle rule removes incomplete uploads"
                : "will try again before this key is uploaded again"));
        }
    }

    /// <summary>
    /// The MD5 of each part, read in one pass that also hashes the whole file; throws a transient
    /// <see cref="ObjectStoreException"/> when the whole file no longer has the MD5 it was written with (its bytes
    /// changed since: the unit's retry writes it again), before anything is sent.
    /// </summary>
    private async Task<byte[][]> PartMd5sAsync(string key, UploadSource source, long partSize, int count, CancellationToken cancellationToken)
    {
        using var file = File.OpenHandle(source.FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous | FileOptions.SequentialScan);
        using var whole = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        using var part = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var md5s = new byte[count][];
        var buffer = ArrayPool<byte>.Shared.Rent(HashBufferSize);
        try
        {
            long offset = 0;
            for (var index = 0; index < count; index++)
            {
                for (var left = Math.Min(partSize, source.Length - offset); left > 0;)
                {
                    var read = await RandomAccess.ReadAsync(file, buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), offset, cancellationToken);
                    if (read == 0)
                        throw new IOException($"the file ended {source.Length - offset} bytes before the size it was recorded with");
                    whole.AppendData(buffer, 0, read);
                    part.AppendData(buffer, 0, read);
                    offset += read;
                    left -= read;
                }
                md5s[index] = part.GetHashAndReset();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        var md5 = whole.GetHashAndReset();
        if (!md5.AsSpan().SequenceEqual(source.Md5))
            throw new ObjectStoreException(
                $"PUT s3://{bucket}/{key} not sent: {source.FilePath} now has MD5 {Convert.ToHexStringLower(md5)}, it was written with {source.Md5Hex}",
                isTransient: true);
        return md5s;
    }
}
