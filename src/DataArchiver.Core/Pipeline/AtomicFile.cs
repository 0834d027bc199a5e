namespace DataArchiver.Core.Pipeline;

/// <summary>
/// A file that appears under its path only once complete: written to a temp file beside it, flushed to disk and
/// renamed over the path by <see cref="Commit"/>. Disposing without a commit removes the temp file, on every path
/// (a failed write, a full disk while flushing, a refused rename): nothing half-written is left behind.
/// </summary>
public sealed class AtomicFile : IDisposable, IAsyncDisposable
{
    private readonly string _path;
    private bool _completed;
    private bool _committed;

    private AtomicFile(string path, string tempPath, FileStream stream)
    {
        _path = path;
        TempPath = tempPath;
        Stream = stream;
    }

    /// <summary>The temp file being written (named like every temp file of this tool, see <see cref="TempFiles"/>).</summary>
    public string TempPath { get; }

    /// <summary>The stream to write the content to.</summary>
    public FileStream Stream { get; }

    /// <summary>Starts writing <paramref name="path"/>; its directory must exist.</summary>
    public static AtomicFile Create(string path, int bufferSize = 4096, bool useAsync = false)
    {
        var tempPath = TempFiles.NewPath(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return new AtomicFile(path, tempPath, new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize, useAsync));
    }

    /// <summary>
    /// Writes <paramref name="path"/> with what <paramref name="write"/> puts into the stream, atomically. An I/O failure
    /// is thrown as an <see cref="IOException"/> that names <paramref name="path"/>, with the original inside.
    /// </summary>
    public static void Write(string path, Action<Stream> write)
    {
        try
        {
            using var file = Create(path);
            write(file.Stream);
            file.Commit();
        }
        catch (IOException error)
        {
            throw new IOException($"writing {path}: {error.Message}", error);
        }
    }

    /// <summary>Flushes the content to disk and closes the temp file (its size and time are final), without renaming it yet.</summary>
    public void Complete()
    {
        if (_completed)
            return;
        Stream.Flush(flushToDisk: true);
        Stream.Dispose();
        _completed = true;
    }

    /// <summary>Completes the temp file and renames it over the path.</summary>
    public void Commit()
    {
        Complete();
        File.Move(TempPath, _path, overwrite: true);
        _committed = true;
    }

    /// <summary>Closes the temp file and, unless committed, removes it; never throws.</summary>
    public void Dispose()
    {
        if (!_completed)
        {
            try
            {
                // Closing flushes what is buffered, which fails again on a full disk: the file goes anyway.
                Stream.Dispose();
            }
            catch (IOException)
            {
            }
            _completed = true;
        }
        if (!_committed)
            TempFiles.TryDelete(TempPath);
    }

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
