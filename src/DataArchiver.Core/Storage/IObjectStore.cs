namespace DataArchiver.Core.Storage;

/// <summary>
/// The one storage abstraction the pipeline writes through: an S3 bucket, a local directory, or a decorator
/// around either.
/// </summary>
/// <remarks>
/// Contract every implementation keeps (and the shared contract test suite checks):
/// <list type="bullet">
/// <item><see cref="HeadAsync"/> returns <c>null</c> only when the object does not exist; any other failure
/// (permission, network, server error) throws. "Could not look" never means "absent".</item>
/// <item><see cref="PutAsync"/> makes the object visible under its key only once it is complete: a failed or
/// cancelled put leaves either the previous object or nothing, never a partial one. It may be called again
/// with the same source after a failure (the source is a file and can be re-read).</item>
/// <item>The bytes stored are exactly the bytes of the source file, and the returned <see cref="ObjectInfo"/>
/// describes what the store reports after the put.</item>
/// <item>Keys use <c>/</c> as separator and never start with <c>/</c>.</item>
/// <item>Store failures are thrown as <see cref="ObjectStoreException"/> with <see cref="ObjectStoreException.IsTransient"/>
/// set from the status or error code, never from message text. Cancellation surfaces as
/// <see cref="OperationCanceledException"/>.</item>
/// </list>
/// </remarks>
public interface IObjectStore
{
    /// <summary>A human-readable description of the destination, without credentials (for logs).</summary>
    string Describe();

    /// <summary>
    /// Checks that the destination exists and our credentials are accepted; throws <see cref="ObjectStoreException"/>
    /// with <see cref="ObjectStoreException.IsAccessProblem"/> set when not.
    /// </summary>
    Task CheckAccessAsync(CancellationToken cancellationToken);

    /// <summary>Size, ETag and user metadata of <paramref name="key"/>, or <c>null</c> when no such object exists.</summary>
    Task<ObjectInfo?> HeadAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Uploads <paramref name="source"/> under <paramref name="key"/> with the given user metadata: one request below the
    /// store's multipart threshold, a multipart upload above it (aborted on failure).
    /// </summary>
    Task<PutResult> PutAsync(string key, UploadSource source, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken);

    /// <summary>
    /// Opens the stored bytes of <paramref name="key"/> for reading, streamed from the store as the caller reads (never
    /// buffered whole); the caller disposes the stream. A missing object throws <see cref="ObjectStoreException"/> with
    /// <see cref="ObjectStoreException.IsNotFound"/> set (and not transient).
    /// </summary>
    Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Lists the objects whose key starts with <paramref name="prefix"/>, in key order.</summary>
    IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>Deletes <paramref name="key"/>; deleting a missing object is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}
