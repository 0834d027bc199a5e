namespace DataArchiver.Core.Storage;

/// <summary>What an upload returned: the ETag the store answered with and, for multipart uploads, the MD5 of each part in order.</summary>
public sealed record PutResult(string? ETag, IReadOnlyList<byte[]> PartMd5s)
{
    /// <summary>Whether the object was sent in parts.</summary>
    public bool IsMultipart => PartMd5s.Count > 0;
}
