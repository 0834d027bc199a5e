using DataArchiver.Core.State;
using DataArchiver.Core.Storage;

namespace DataArchiver.Core.Pipeline;

/// <summary>
/// What a stored object must look like to hold the bytes we mean: their length and MD5 and, when known, the part MD5s
/// of a multipart upload or the ETag the store gave before. <paramref name="TrustMetadata"/> also accepts the MD5 we
/// stored in the object's metadata: right for an object verified when it was written, wrong for checking an upload.
/// </summary>
/// <param name="Length">Size in bytes.</param>
/// <param name="Md5">MD5 of the bytes (16 bytes).</param>
/// <param name="PartMd5s">MD5 of each part, in order, when the bytes were sent as a multipart upload.</param>
/// <param name="KnownETag">The ETag the store reported for these bytes earlier.</param>
/// <param name="TrustMetadata">Whether the <c>md5</c> metadata entry counts as evidence.</param>
public sealed record ExpectedObject(long Length, byte[] Md5, IReadOnlyList<byte[]>? PartMd5s = null, string? KnownETag = null, bool TrustMetadata = true)
{
    /// <summary>The bytes of a file about to be uploaded, or already there.</summary>
    public static ExpectedObject Of(UploadSource source) => new(source.Length, source.Md5);

    /// <summary>What a state record describes, or <c>null</c> when it holds no usable MD5.</summary>
    public static ExpectedObject? Of(ObjectRecord record)
    {
        if (record.Md5 is not { Length: 32 } hex)
            return null;
        try
        {
            return new ExpectedObject(record.Size, Convert.FromHexString(hex), KnownETag: record.ETag);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// The one comparison: why <paramref name="stored"/> does not hold these bytes, or <c>null</c> when it does. Sizes
    /// must be equal and the ETag must be the MD5 (or the multipart form of the part MD5s, or the ETag known before);
    /// with <see cref="TrustMetadata"/>, the MD5 in the metadata may stand in for the ETag.
    /// </summary>
    public string? Mismatch(ObjectInfo stored)
    {
        if (stored.Size != Length)
            return $"{stored.Key}: the store holds {stored.Size} bytes, we wrote {Length}";
        if (ETagCheck.Matches(stored.ETag, Md5, PartMd5s))
            return null;
        if (KnownETag is not null && string.Equals(stored.ETag, KnownETag, StringComparison.OrdinalIgnoreCase))
            return null;
        if (TrustMetadata && stored.Metadata.TryGetValue(ObjectMetadata.Md5, out var md5)
            && string.Equals(md5, Convert.ToHexString(Md5), StringComparison.OrdinalIgnoreCase))
            return null;
        return $"{stored.Key}: ETag {stored.ETag} does not match the MD5 {Convert.ToHexStringLower(Md5)} of what we wrote";
    }
}
