using System.Security.Cryptography;

namespace DataArchiver.Core.Pipeline;

/// <summary>
/// Decides whether the ETag a store reports belongs to the bytes we wrote. Accepted: the plain MD5 (single
/// part), the multipart form <c>md5(concatenated part MD5s)-N</c>, or the whole-object MD5 some S3-compatible
/// servers return for multipart objects.
/// </summary>
public static class ETagCheck
{
    /// <summary>Whether <paramref name="etag"/> matches <paramref name="md5"/> or the multipart ETag of <paramref name="partMd5s"/>.</summary>
    public static bool Matches(string? etag, byte[] md5, IReadOnlyList<byte[]>? partMd5s = null)
    {
        if (string.IsNullOrEmpty(etag))
            return false;
        var bare = etag.Trim('"');
        if (string.Equals(bare, Convert.ToHexString(md5), StringComparison.OrdinalIgnoreCase))
            return true;
        return partMd5s is { Count: > 0 } && string.Equals(bare, MultipartETag(partMd5s), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The ETag AWS and MinIO give a multipart object: MD5 of the parts' MD5s, a dash and the part count.</summary>
    public static string MultipartETag(IReadOnlyList<byte[]> partMd5s)
    {
        var concatenated = new byte[partMd5s.Count * 16];
        for (var i = 0; i < partMd5s.Count; i++)
            partMd5s[i].CopyTo(concatenated, i * 16);
        return Convert.ToHexStringLower(MD5.HashData(concatenated)) + "-" + partMd5s.Count;
    }
}
