namespace DataArchiver.Core.State;

/// <summary>What the state file remembers about one object key.</summary>
public sealed record ObjectRecord
{
    /// <summary>Size in bytes of what was stored (0 for an empty unit).</summary>
    public long Size { get; init; }
    /// <summary>Hex MD5 of the stored bytes.</summary>
    public string? Md5 { get; init; }
    /// <summary>The ETag the store reported after the upload.</summary>
    public string? ETag { get; init; }
    /// <summary>Rows the object holds.</summary>
    public long Rows { get; init; }
    /// <summary>The unit had no rows and no object was written.</summary>
    public bool Empty { get; init; }
    /// <summary>When the object was stored (or found empty), UTC.</summary>
    public DateTimeOffset? UploadedAt { get; init; }
    /// <summary>
    /// Start (UTC) of the dates the stored rows were read for: the unit's window, or its period for a whole partition.
    /// Absent in records written before spans were kept.
    /// </summary>
    public DateTimeOffset? RowsFrom { get; init; }
    /// <summary>Exclusive end (UTC) of the dates the stored rows were read for.</summary>
    public DateTimeOffset? RowsTo { get; init; }
    /// <summary>The relation the rows were read from (<c>schema.table</c>); absent in records written before it was kept.</summary>
    public string? Source { get; init; }
    /// <summary>Bytes before compression; absent in records written before it was kept.</summary>
    public long? UncompressedSize { get; init; }
    /// <summary>The error of the last failed attempt, if the last run failed.</summary>
    public string? LastError { get; init; }
}
