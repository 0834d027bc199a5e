using DataArchiver.Core.Storage;

namespace DataArchiver.IntegrationTests.Drills;

/// <summary>
/// Bit rot between hashing and upload: before handing a put to the real store, flips one byte of the temp file the
/// pipeline has just written and hashed (for the first <c>times</c> puts). Everything else passes through; the
/// composition disposes the real store.
/// </summary>
internal sealed class CorruptingStore(IObjectStore inner, int times) : IObjectStore
{
    private readonly List<string> _sources = [];
    private int _puts;

    /// <summary>The temp files handed to each put, in order (a new path is a new extraction).</summary>
    public IReadOnlyList<string> Sources
    {
        get
        {
            lock (_sources)
                return [.. _sources];
        }
    }

    public string Describe() => inner.Describe();

    public Task CheckAccessAsync(CancellationToken cancellationToken) => inner.CheckAccessAsync(cancellationToken);

    public Task<ObjectInfo?> HeadAsync(string key, CancellationToken cancellationToken) => inner.HeadAsync(key, cancellationToken);

    public async Task<PutResult> PutAsync(string key, UploadSource source, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        lock (_sources)
            _sources.Add(source.FilePath);
        if (Interlocked.Increment(ref _puts) <= times)
        {
            await using var file = new FileStream(source.FilePath, FileMode.Open, FileAccess.ReadWrite);
            file.Position = source.Length / 2;
            var original = file.ReadByte();
            file.Position = source.Length / 2;
            file.WriteByte((byte)(original ^ 0x20));
        }
        return await inner.PutAsync(key, source, metadata, cancellationToken);
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken) => inner.OpenReadAsync(key, cancellationToken);

    public IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

    public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);
}
