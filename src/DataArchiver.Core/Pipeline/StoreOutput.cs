using DataArchiver.Core.Planning;
using DataArchiver.Core.Progress;
using DataArchiver.Core.State;
using DataArchiver.Core.Storage;

namespace DataArchiver.Core.Pipeline;

/// <summary>The output of a real run: uploads go to the store and are verified there; records go to the state file.</summary>
public sealed class StoreOutput(IObjectStore store, StateStore state, StoredObjectCheck check, IArchiveProgress progress, TimeProvider clock)
    : IUnitOutput
{
    /// <inheritdoc />
    public async Task<ObjectInfo?> PublishAsync(WorkUnit unit, UploadSource source, IReadOnlyDictionary<string, string> metadata, long rows,
        AttemptHistory history, CancellationToken cancellationToken)
    {
        progress.StageChanged(unit, UnitStage.Uploading);
        var put = await store.PutAsync(unit.Key, source, metadata, cancellationToken);
        history.NoteUpload();
        progress.StageChanged(unit, UnitStage.Verifying);
        var stored = await check.VerifyUploadAsync(unit.Key, source, put, cancellationToken);
        RecordStored(unit, source, stored.ETag, rows);
        return stored;
    }

    /// <inheritdoc />
    public void RecordStored(WorkUnit unit, UploadSource source, string? etag, long rows) =>
        state.Set(unit.Key, new ObjectRecord
        {
            Size = source.Length,
            Md5 = source.Md5Hex,
            ETag = etag,
            Rows = rows,
            UploadedAt = clock.GetUtcNow(),
            RowsFrom = unit.RowsFrom,
            RowsTo = unit.RowsTo,
        });

    /// <inheritdoc />
    public void RecordEmpty(WorkUnit unit) =>
        state.Set(unit.Key, new ObjectRecord { Empty = true, UploadedAt = clock.GetUtcNow(), RowsFrom = unit.RowsFrom, RowsTo = unit.RowsTo });

    /// <inheritdoc />
    public void RecordFailure(WorkUnit unit, Exception error) =>
        state.Set(unit.Key, (state.Get(unit.Key) ?? new ObjectRecord()) with { LastError = Failures.Describe(error) });

    /// <inheritdoc />
    public void ClearFailure(WorkUnit unit, ObjectRecord record)
    {
        if (record.LastError is not null)
            state.Set(unit.Key, record with { LastError = null });
    }

    /// <inheritdoc />
    public void RecordCount(string source, long rows, DateTimeOffset countedAt) => state.SetCount(source, rows, countedAt);
}
