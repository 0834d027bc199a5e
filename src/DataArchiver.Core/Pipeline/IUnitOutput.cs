using DataArchiver.Core.Planning;
using DataArchiver.Core.State;
using DataArchiver.Core.Storage;

namespace DataArchiver.Core.Pipeline;

/// <summary>
/// Everything an attempt changes outside itself: the object it uploads and the records it keeps in the state file.
/// Reads go elsewhere (<see cref="StoredObjectCheck"/>, <see cref="RowCounter"/>). The dry run's implementation,
/// <see cref="DryRunOutput"/>, changes nothing, so a dry run is decided once, where the pipeline is composed.
/// </summary>
public interface IUnitOutput
{
    /// <summary>
    /// Uploads <paramref name="source"/> under <paramref name="unit"/>'s key, verifies what the store then reports and
    /// records it; returns the stored object, or <c>null</c> when nothing is uploaded (dry run). Throws
    /// <see cref="VerificationException"/> when the store reports other bytes. <paramref name="history"/> learns that
    /// an upload was sent, before it is verified.
    /// </summary>
    Task<ObjectInfo?> PublishAsync(WorkUnit unit, UploadSource source, IReadOnlyDictionary<string, string> metadata, long rows,
        AttemptHistory history, CancellationToken cancellationToken);

    /// <summary>Records that the store holds <paramref name="source"/>'s bytes under the unit's key (found there, not uploaded now).</summary>
    void RecordStored(WorkUnit unit, UploadSource source, string? etag, long rows);

    /// <summary>Records that the unit has no rows (no object is written).</summary>
    void RecordEmpty(WorkUnit unit);

    /// <summary>Keeps <paramref name="error"/> in the unit's record as its last error.</summary>
    void RecordFailure(WorkUnit unit, Exception error);

    /// <summary>Clears the last error of <paramref name="record"/>, whose object turned out to be fine.</summary>
    void ClearFailure(WorkUnit unit, ObjectRecord record);

    /// <summary>Caches the row count of <paramref name="source"/>, counted at <paramref name="countedAt"/>.</summary>
    void RecordCount(string source, long rows, DateTimeOffset countedAt);
}
