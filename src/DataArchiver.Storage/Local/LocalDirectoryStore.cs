using System.Buffers;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using DataArchiver.Core.Pipeline;
using DataArchiver.Core.Storage;

namespace DataArchiver.Storage.Local;

/// <summary>
/// <see cref="IObjectStore"/> on a local directory: each key is a file under the root, written to a temp file
/// beside it, flushed to disk and renamed into place, so a reader never sees a partial object. User metadata and
/// the ETag (hex MD5) live in a <c>.meta.json</c> file next to the object.
/// </summary>
public sealed class LocalDirectoryStore : IObjectStore
{
    private const int CopyBufferSize = 1 << 20;

    private readonly string _root;

    /// <summary>Creates a store rooted at <paramref name="root"/> (created by <see cref="CheckAccessAsync"/> when missing).</summary>
    public LocalDirectoryStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
    }

    /// <inheritdoc />
    public string Describe() => $"directory {_root}";

    /// <inheritdoc />
    public async Task CheckAccessAsync(CancellationToken cancellationToken)
    {
        var probe = Path.Combine(_root, $"{TempFiles.Prefix}probe-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(_root);
            await File.WriteAllBytesAsync(probe, [1], cancellationToken);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ObjectStoreException($"cannot write to directory {_root}: {error.Message}", isTransient: false, isAccessProblem: true, error);
        }
        finally
        {
            TempFiles.TryDelete(probe);
        }
    }

    /// <inheritdoc />
    public async Task<ObjectInfo?> HeadAsync(string key, CancellationToken cancellationToken)
    {
        var path = LocalKeys.PathOf(_root, key);
        try
        {
            var data = new FileInfo(path);
            if (!data.Exists)
                return null;
            var sidecar = await ReadSidecarAsync(path, cancellationToken);
            if (sidecar is not null && sidecar.Describes(data))
                return new ObjectInfo(key, data.Length, sidecar.ETag, sidecar.Metadata);
            // No sidecar for this version of the file (written by hand, or an overwrite was interrupted): report
            // what the bytes are, and no metadata rather than someone else's.
            return new ObjectInfo(key, data.Length, await Md5HexAsync(path, cancellationToken), ObjectInfo.NoMetadata);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw Failure("HEAD", key, error);
        }
    }

    /// <inheritdoc />
    public async Task<PutResult> PutAsync(string key, UploadSource source, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(metadata);
        var path = LocalKeys.PathOf(_root, key);
        var directory = Path.GetDirectoryName(path)!;
        try
        {
            if (Directory.Exists(path))
                throw new ObjectStoreException($"PUT {key} in {_root} failed: a directory of that name holds other objects", isTransient: false);
            if (FileInTheWay(directory) is { } file)
                throw new ObjectStoreException($"PUT {key} in {_root} failed: object {LocalKeys.KeyOf(_root, file)} is a file where a directory is needed", isTransient: false);
            Directory.CreateDirectory(directory);
            await using var data = AtomicFile.Create(path, bufferSize: 1, useAsync: true);
            var md5 = await CopyAsync(source.FilePath, data.Stream, cancellationToken);
            data.Complete();
            var written = new FileInfo(data.TempPath);
            if (written.Length != source.Length || !md5.AsSpan().SequenceEqual(source.Md5))
                throw new ObjectStoreException($"PUT {key} in {_root} failed: {source.FilePath} no longer holds the {source.Length} bytes with MD5 {source.Md5Hex} it was given with", isTransient: false);

            var etag = Convert.ToHexStringLower(md5);
            var names = metadata.ToDictionary(pair => pair.Key.ToLowerInvariant(), pair => pair.Value, StringComparer.Ordinal);
            await using var sidecar = AtomicFile.Create(path + LocalKeys.SidecarSuffix, bufferSize: 1, useAsync: true);
            await sidecar.Stream.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(new LocalSidecar(written.Length, written.LastWriteTimeUtc.Ticks, etag, names), LocalJsonContext.Default.LocalSidecar), cancellationToken);

            // Sidecar first, data last: until the data rename the sidecar does not match the old file and is ignored.
            sidecar.Commit();
            data.Commit();
            return new PutResult(etag, []);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw Failure("PUT", key, error);
        }
    }

    /// <inheritdoc />
    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = LocalKeys.PathOf(_root, key);
        try
        {
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, CopyBufferSize, useAsync: true);
            return Task.FromResult(stream);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ObjectStoreException($"GET {key} in {_root} failed: no such object", isTransient: false, innerException: error, isNotFound: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw Failure("GET", key, error);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var start = LocalKeys.SearchDirectoryOf(_root, prefix);
        foreach (var path in FindObjects(start, prefix))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var data = new FileInfo(path);
            if (!data.Exists)
                continue; // deleted while we listed
            var sidecar = await ReadSidecarAsync(path, cancellationToken);
            var etag = sidecar is not null && sidecar.Describes(data) ? sidecar.ETag : null;
            yield return new ObjectInfo(LocalKeys.KeyOf(_root, path), data.Length, etag, ObjectInfo.NoMetadata);
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = LocalKeys.PathOf(_root, key);
        try
        {
            if (File.Exists(path))
                File.Delete(path);
            if (File.Exists(path + LocalKeys.SidecarSuffix))
                File.Delete(path + LocalKeys.SidecarSuffix);
            return Task.CompletedTask;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw Failure("DELETE", key, error);
        }
    }

    /// <summary>Object files under <paramref name="start"/> whose key starts with <paramref name="prefix"/>, in key order.</summary>
    private List<string> FindObjects(string start, string prefix)
    {
        if (!Directory.Exists(start))
            return [];
        try
        {
            // AttributesToSkip = None: on Unix, names starting with '.' count as hidden, but they are valid keys.
            var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.None, IgnoreInaccessible = false };
            var found = Directory.EnumerateFiles(start, "*", options)
                .Where(path => !LocalKeys.IsReserved(Path.GetFileName(path)))
                .Select(path => (Path: path, Key: LocalKeys.KeyOf(_root, path)))
                .Where(entry => entry.Key.StartsWith(prefix, StringComparison.Ordinal))
                .ToList();
            found.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            return found.ConvertAll(entry => entry.Path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ObjectStoreException($"LIST {prefix} in {_root} failed: {error.Message}", error is IOException, innerException: error);
        }
    }

    /// <summary>The nearest existing ancestor of <paramref name="directory"/> below the root when it is a file (so no directory can be made there).</summary>
    private string? FileInTheWay(string directory)
    {
        for (var current = directory; current.Length > _root.Length; current = Path.GetDirectoryName(current)!)
        {
            if (File.Exists(current))
                return current;
            if (Directory.Exists(current))
                return null;
        }
        return null;
    }

    private ObjectStoreException Failure(string operation, string key, Exception error) =>
        // A full disk or a vanished directory may clear up; a permission problem will not.
        new($"{operation} {key} in {_root} failed: {error.Message}", isTransient: error is IOException, innerException: error);

    private static async Task<LocalSidecar?> ReadSidecarAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = new FileStream(path + LocalKeys.SidecarSuffix, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 4096, useAsync: true);
            return await JsonSerializer.DeserializeAsync(stream, LocalJsonContext.Default.LocalSidecar, cancellationToken);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            return null; // missing or unreadable sidecar: the caller falls back to the bytes themselves
        }
    }

    /// <summary>Copies <paramref name="from"/> into <paramref name="output"/> and returns the MD5 of what was written.</summary>
    private static async Task<byte[]> CopyAsync(string from, Stream output, CancellationToken cancellationToken)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            await using var input = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.Read, 1, useAsync: true);
            int read;
            while ((read = await input.ReadAsync(buffer.AsMemory(0, CopyBufferSize), cancellationToken)) > 0)
            {
                md5.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
            return md5.GetHashAndReset();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<string> Md5HexAsync(string path, CancellationToken cancellationToken)
    {
        await using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, CopyBufferSize, useAsync: true);
        return Convert.ToHexStringLower(await MD5.HashDataAsync(input, cancellationToken));
    }
}
