namespace DataArchiver.Core.Progress;

/// <summary>How a unit ended.</summary>
public enum UnitOutcome
{
    /// <summary>Uploaded and verified.</summary>
    Archived,
    /// <summary>Already stored with the same content.</summary>
    Skipped,
    /// <summary>No rows: no object written.</summary>
    Empty,
    /// <summary>Gave up after retries or on a permanent error.</summary>
    Failed,
    /// <summary>Would be uploaded (dry run).</summary>
    WouldArchive,
}
