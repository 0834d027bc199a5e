using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using DataArchiver.Core.Storage;
using Microsoft.Win32.SafeHandles;

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
        var initiate = new InitiateMultipartUploadRequest { BucketName = bucket, Key = key };
        foreach (var (name, value) in metadata)
            initiate.Metadata.Add(name, value);
        var started = await client.InitiateMultipartUploadAsync(initiate, cancellationToken);
        var uploadId = started.UploadId;
        try
        {
            var count = (int)PartSizing.PartCount(source.Length, partSize);
            var etags = new string[count];
            var md5s = new byte[count][];
            using (var file = File.OpenHandle(source.FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous))
            {
                var options = new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken };
                await Parallel.ForEachAsync(Enumerable.Range(0, count), options, async (index, token) =>
                {
                    var offset = index * partSize;
                    var length = Math.Min(partSize, source.Length - offset);
                    md5s[index] = await Md5Async(file, offset, length, token);
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
            }

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

    /// <summary>MD5 of <paramref name="length"/> bytes of the file from <paramref name="offset"/>.</summary>
    private static async Task<byte[]> Md5Async(SafeFileHandle file, long offset, long length, CancellationToken cancellationToken)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var buffer = ArrayPool<byte>.Shared.Rent(HashBufferSize);
        try
        {
            while (length > 0)
            {
                var read = await RandomAccess.ReadAsync(file, buffer.AsMemory(0, (int)Math.Min(buffer.Length, length)), offset, cancellationToken);
                if (read == 0)
                    throw new IOException($"the file ended {length} bytes before the size it was recorded with");
                md5.AppendData(buffer, 0, read);
                offset += read;
                length -= read;
            }
            return md5.GetHashAndReset();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
