namespace DataArchiver.Storage.Local;

/// <summary>
/// What a local object's <c>.meta.json</c> file records. <see cref="Length"/> and <see cref="LastWriteTicks"/> tie it
/// to one version of the data file, so a sidecar left over from an interrupted overwrite is recognised and ignored.
/// </summary>
/// <param name="Length">Size of the data file it describes.</param>
/// <param name="LastWriteTicks">Last-write time (UTC ticks) of the data file it describes.</param>
/// <param name="ETag">Hex MD5 of the data file's bytes.</param>
/// <param name="Metadata">User metadata, keys lower-case.</param>
internal sealed record LocalSidecar(long Length, long LastWriteTicks, string ETag, Dictionary<string, string> Metadata)
{
    /// <summary>Whether this sidecar belongs to the data file as it is now.</summary>
    public bool Describes(FileInfo data) => data.Length == Length && data.LastWriteTimeUtc.Ticks == LastWriteTicks;
}
