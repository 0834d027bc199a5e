using DataArchiver.Core.Pipeline;
using DataArchiver.Core.Storage;

namespace DataArchiver.Storage.Local;

/// <summary>Maps object keys to paths under a root directory and keeps the store's own files out of the key space.</summary>
internal static class LocalKeys
{
    /// <summary>Suffix of the metadata file kept beside each object.</summary>
    public const string SidecarSuffix = ".meta.json";

    /// <summary>Whether a file name belongs to the store itself (sidecar or unfinished write) rather than to an object.</summary>
    public static bool IsReserved(string fileName) =>
        fileName.EndsWith(SidecarSuffix, StringComparison.Ordinal) || fileName.StartsWith(TempFiles.Prefix, StringComparison.Ordinal);

    /// <summary>The full path of <paramref name="key"/> under <paramref name="root"/>; throws when the key is not usable here.</summary>
    public static string PathOf(string root, string key)
    {
        if (string.IsNullOrEmpty(key) || key[0] == '/' || key[^1] == '/')
            throw Invalid(key, "a key must be non-empty and must neither start nor end with '/'");
        CheckSegments(key, key.Split('/'));
        if (IsReserved(key[(key.LastIndexOf('/') + 1)..]))
            throw Invalid(key, $"names ending in {SidecarSuffix} or starting with {TempFiles.Prefix} are reserved for the store's own files");
        return Resolve(root, key);
    }

    /// <summary>The directory to search for keys starting with <paramref name="prefix"/>: its part up to the last '/'.</summary>
    public static string SearchDirectoryOf(string root, string prefix)
    {
        if (prefix.Length > 0 && prefix[0] == '/')
            throw Invalid(prefix, "a prefix must not start with '/'");
        var slash = prefix.LastIndexOf('/');
        if (slash < 0)
            return root;
        var directory = prefix[..slash];
        CheckSegments(prefix, directory.Split('/'));
        return Resolve(root, directory);
    }

    /// <summary>The key of the file at <paramref name="path"/> under <paramref name="root"/>.</summary>
    public static string KeyOf(string root, string path) =>
        Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');

    private static void CheckSegments(string key, string[] segments)
    {
        foreach (var segment in segments)
        {
            if (segment is "" or "." or "..")
                throw Invalid(key, "empty, '.' and '..' path segments are not allowed");
            if (segment.Contains('\\', StringComparison.Ordinal) || segment.Contains('\0', StringComparison.Ordinal))
                throw Invalid(key, "backslashes and NUL characters are not allowed");
        }
    }

    private static string Resolve(string root, string relative)
    {
        var full = Path.GetFullPath(Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar)));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw Invalid(relative, "it points outside the store's directory");
        return full;
    }

    private static ObjectStoreException Invalid(string key, string reason) =>
        new($"object key \"{key}\" cannot be stored in a directory: {reason}", isTransient: false);
}
