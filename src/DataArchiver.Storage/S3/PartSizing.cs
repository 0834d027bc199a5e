namespace DataArchiver.Storage.S3;

/// <summary>Chooses the part size of a multipart upload within S3's limit of 10,000 parts.</summary>
internal static class PartSizing
{
    /// <summary>S3 accepts at most this many parts in one upload.</summary>
    public const int MaxParts = 10_000;

    /// <summary>The smallest part size we pick on our own (8 MiB).</summary>
    public const long DefaultPartSize = 8L * 1024 * 1024;

    /// <summary>
    /// <paramref name="configured"/> when given (it must fit the file in <see cref="MaxParts"/> parts), otherwise the
    /// smallest of 8, 16, 32, … MiB that does.
    /// </summary>
    public static long Choose(long length, long? configured)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (configured is { } size)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size, nameof(configured));
            if (PartCount(length, size) > MaxParts)
                throw new ArgumentException($"a part size of {size} bytes needs more than {MaxParts} parts for {length} bytes", nameof(configured));
            return size;
        }
        var chosen = DefaultPartSize;
        while (PartCount(length, chosen) > MaxParts)
            chosen *= 2;
        return chosen;
    }

    /// <summary>How many parts of <paramref name="partSize"/> bytes hold <paramref name="length"/> bytes (at least one).</summary>
    public static long PartCount(long length, long partSize) => Math.Max(1, (length + partSize - 1) / partSize);
}
