using DataArchiver.Core.Planning;
using DataArchiver.Core.Progress;
using DataArchiver.Core.State;
using DataArchiver.Core.Storage;

namespace DataArchiver.Core.Pipeline;

/// <summary>
/// Asks whether the store holds a unit's object: from the state record before anything is read, from the bytes just
/// written before an upload, and after an upload to verify it. All three ask the store with a HEAD and decide with
/// <see cref="ExpectedObject.Mismatch"/>; none of them writes anything.
/// </summary>
public sealed class StoredObjectCheck(IObjectStore store, StateStore state, IArchiveProgress progress)
{
    /// <summary>
    /// The state record of <paramref name="unit"/> when it still tells the truth: the unit was found empty after its
    /// period had closed, or the store reports the object the record describes. <c>null</c> when the unit must be read.
    /// </summary>
    public async Task<ObjectRecord?> FindRecordedAsync(WorkUnit unit, CancellationToken cancellationToken)
    {
        if (state.Get(unit.Key) is not { } record)
            return null;
        if (!Covers(record, unit))
        {
            progress.Debug($"{unit.Key}: stored for {record.RowsFrom:O}..{record.RowsTo:O}, which does not cover this run's window; reading it again");
            return null;
        }
        if (record is { Empty: true, UploadedAt: { } foundAt } && foundAt.UtcDateTime >= unit.Period.End)
            return record;
        if (ExpectedObject.Of(record) is not { } expected)
            return null;
        var stored = await store.HeadAsync(unit.Key, cancellationToken);
        return stored is not null && expected.Mismatch(stored) is null ? record : null;
    }

    /// <summary>What the store reports for <paramref name="key"/> when it already holds exactly <paramref name="source"/>'s bytes; else <c>null</c>.</summary>
    public async Task<ObjectInfo?> FindSameAsync(string key, UploadSource source, CancellationToken cancellationToken) =>
        await store.HeadAsync(key, cancellationToken) is { } stored && ExpectedObject.Of(source).Mismatch(stored) is null ? stored : null;

    /// <summary>
    /// What the store reports for <paramref name="key"/> right after <paramref name="source"/> was uploaded as
    /// <paramref name="put"/>; throws <see cref="VerificationException"/> unless it is exactly those bytes.
    /// </summary>
    public async Task<ObjectInfo> VerifyUploadAsync(string key, UploadSource source, PutResult put, CancellationToken cancellationToken)
    {
        var stored = await store.HeadAsync(key, cancellationToken)
            ?? throw new VerificationException($"{key} is missing right after its upload");
        var expected = ExpectedObject.Of(source) with { PartMd5s = put.PartMd5s, TrustMetadata = false };
        return expected.Mismatch(stored) is { } mismatch ? throw new VerificationException(mismatch) : stored;
    }

    /// <summary>
    /// Whether what a record was stored for includes every date <paramref name="unit"/> asks for. A record without a
    /// span (written before spans were kept) is taken to cover the whole period, as every such object did.
    /// </summary>
    private static bool Covers(ObjectRecord record, WorkUnit unit) =>
        (record.RowsFrom?.UtcDateTime ?? unit.Period.Start) <= unit.RowsFrom.UtcDateTime
        && (record.RowsTo?.UtcDateTime ?? unit.Period.End) >= unit.RowsTo.UtcDateTime;
}
