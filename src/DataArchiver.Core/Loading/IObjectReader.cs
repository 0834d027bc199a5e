using DataArchiver.Core.Planning;

namespace DataArchiver.Core.Loading;

/// <summary>
/// The restore direction for one object, mirroring a format's write in the archive direction: it streams the object
/// from the store, checks its size and MD5 against the object's metadata while reading, decompresses it
/// (<see cref="Codecs.Decompression"/>), has the format's <see cref="IFormatDecoder"/> pump its rows into a
/// <see cref="ILoadSession"/> of the loader, and commits only when everything matched.
/// </summary>
public interface IObjectReader
{
    /// <summary>
    /// Loads the object <paramref name="key"/> into <paramref name="target"/> and returns the number of rows. Any
    /// mismatch (size, MD5, row count) or decoding failure rolls the whole load back; a retry reloads the object whole.
    /// </summary>
    Task<long> LoadAsync(string key, RelationName target, ITableLoader loader, CancellationToken cancellationToken);
}
