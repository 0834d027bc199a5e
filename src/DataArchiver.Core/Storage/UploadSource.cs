namespace DataArchiver.Core.Storage;

/// <summary>
/// A finished, re-readable file to upload, with the length and MD5 computed while it was written, so that
/// a retry sends identical bytes and the store can be asked to check them.
/// </summary>
/// <param name="FilePath">The temp file holding the exact bytes to store.</param>
/// <param name="Length">Its length in bytes.</param>
/// <param name="Md5">MD5 of its bytes (16 bytes).</param>
public sealed record UploadSource(string FilePath, long Length, byte[] Md5)
{
    /// <summary>The MD5 as lower-case hex, the form S3 uses in a single-part ETag.</summary>
    public string Md5Hex => Convert.ToHexStringLower(Md5);

    /// <summary>The MD5 as base64, the form of the <c>Content-MD5</c> header.</summary>
    public string Md5Base64 => Convert.ToBase64String(Md5);
}
