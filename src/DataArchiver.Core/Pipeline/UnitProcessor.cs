using System.Collections.Concurrent;
using System.Diagnostics;
using DataArchiver.Core.Configuration;
using DataArchiver.Core.Extraction;
using DataArchiver.Core.Planning;
using DataArchiver.Core.Progress;
using DataArchiver.Core.State;
using DataArchiver.Core.Storage;

namespace DataArchiver.Core.Pipeline;

/// <summary>
/// One attempt at one unit. Unless forced: (a) a state record whose object the store still reports unchanged is
/// skipped without touching the database; (b) otherwise the unit is extracted into a hashed temp file and, when the
/// stored object already has exactly those bytes, the upload is skipped; (c) else the file is uploaded, verified
/// and recorded. The temp file is removed whatever happens. In a dry run nothing is uploaded or recorded.
/// </summary>
public sealed class UnitProcessor(
    ArchiveSettings settings,
    IUnitReader reader,
    IObjectStore store,
    StateStore state,
    IArchiveProgress progress,
    TimeProvider clock) : IUnitProcessor
{
    private readonly string _tempDirectory = settings.TempDirectory ?? Path.GetTempPath();

    /// <summary>
    /// Keys uploaded by an attempt of this run. When a failed verification is retried and the next attempt finds the
    /// object in place (the store was only slow to show it), the object is still this run's work: archived, not skipped.
    /// </summary>
    private readonly ConcurrentDictionary<string, bool> _uploaded = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task<UnitResult> ProcessAsync(WorkUnit unit, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            if (!settings.Force && await CheckRecordAsync(unit, cancellationToken) is { } known)
                return known with { Elapsed = watch.Elapsed };
            return await ArchiveAsync(unit, watch, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException && !cancellationToken.IsCancellationRequested && !settings.DryRun)
        {
            state.Set(unit.Key, (state.Get(unit.Key) ?? new ObjectRecord()) with { LastError = error.Message });
            throw;
        }
    }

    /// <summary>Checks the store's size and ETag against the file we wrote.</summary>
    public static void Verify(string key, ObjectInfo stored, UploadSource source, IReadOnlyList<byte[]>? partMd5s = null)
    {
        if (stored.Size != source.Length)
            throw new VerificationException($"{key}: the store holds {stored.Size} bytes, we wrote {source.Length}");
        if (!ETagCheck.Matches(stored.ETag, source.Md5, partMd5s))
            throw new VerificationException($"{key}: ETag {stored.ETag} does not match the MD5 {source.Md5Hex} of what we wrote");
    }

    private async Task<UnitResult?> CheckRecordAsync(WorkUnit unit, CancellationToken cancellationToken)
    {
        progress.StageChanged(unit, UnitStage.Checking);
        var record = state.Get(unit.Key);
        if (record is not null && !Covers(record, unit))
        {
            progress.Debug($"{unit.Key}: stored for {record.RowsFrom:O}..{record.RowsTo:O}, which does not cover this run's window; reading it again");
            return null;
        }
        if (record is { Empty: true, UploadedAt: { } foundAt } && foundAt.UtcDateTime >= unit.Period.End)
            return new UnitResult(unit, UnitOutcome.Empty, 0, 0, 0, TimeSpan.Zero);
        if (record is not { Md5: not null })
            return null;
        var stored = await store.HeadAsync(unit.Key, cancellationToken);
        if (stored is null || stored.Size != record.Size)
            return null;
        var sameTag = record.ETag is not null && string.Equals(stored.ETag, record.ETag, StringComparison.OrdinalIgnoreCase);
        var sameMd5 = stored.Metadata.TryGetValue(ObjectMetadata.Md5, out var md5) && string.Equals(md5, record.Md5, StringComparison.OrdinalIgnoreCase);
        if (!sameTag && !sameMd5)
            return null;
        if (record.LastError is not null && !settings.DryRun)
            state.Set(unit.Key, record with { LastError = null }); // the object is fine after all
        return _uploaded.ContainsKey(unit.Key)
            ? new UnitResult(unit, UnitOutcome.Archived, record.Rows, 0, record.Size, TimeSpan.Zero)
            : new UnitResult(unit, UnitOutcome.Skipped, 0, 0, 0, TimeSpan.Zero);
    }

    private async Task<UnitResult> ArchiveAsync(WorkUnit unit, Stopwatch watch, CancellationToken cancellationToken)
    {
        var tempPath = TempFiles.NewPath(_tempDirectory);
        try
        {
            await ReportExpectedRowsAsync(unit, cancellationToken);
            progress.StageChanged(unit, UnitStage.Extracting);
            var file = await UnitFileWriter.WriteAsync(settings, reader, unit, tempPath, (rows, bytes) => progress.RowsDone(unit, rows, bytes), cancellationToken);
            if (file.Rows == 0)
            {
                if (!settings.DryRun)
                    state.Set(unit.Key, new ObjectRecord { Empty = true, UploadedAt = clock.GetUtcNow(), RowsFrom = unit.RowsFrom, RowsTo = unit.RowsTo, Source = unit.Source.ToString() });
                return new UnitResult(unit, UnitOutcome.Empty, 0, file.BytesIn, 0, watch.Elapsed);
            }
            var source = new UploadSource(tempPath, file.Length, file.Md5);

            if (!settings.Force && await store.HeadAsync(unit.Key, cancellationToken) is { } existing && Holds(existing, source))
            {
                if (!settings.DryRun)
                    Record(unit, source, existing.ETag, file.Rows, file.BytesIn);
                var outcome = _uploaded.ContainsKey(unit.Key) ? UnitOutcome.Archived : UnitOutcome.Skipped;
                return new UnitResult(unit, outcome, file.Rows, file.BytesIn, file.Length, watch.Elapsed);
            }
            if (settings.DryRun)
                return new UnitResult(unit, UnitOutcome.WouldArchive, file.Rows, file.BytesIn, file.Length, watch.Elapsed);

            progress.StageChanged(unit, UnitStage.Uploading);
            var metadata = ObjectMetadata.Build(unit, settings, file.Columns, file.Md5, file.Rows);
            var put = await store.PutAsync(unit.Key, source, metadata, cancellationToken);
            _uploaded[unit.Key] = true;

            progress.StageChanged(unit, UnitStage.Verifying);
            var stored = await store.HeadAsync(unit.Key, cancellationToken)
                ?? throw new VerificationException($"{unit.Key} is missing right after its upload");
            Verify(unit.Key, stored, source, put.PartMd5s);
            Record(unit, source, stored.ETag, file.Rows, file.BytesIn);
            return new UnitResult(unit, UnitOutcome.Archived, file.Rows, file.BytesIn, file.Length, watch.Elapsed);
        }
        finally
        {
            TempFiles.TryDelete(tempPath);
        }
    }

    /// <summary>
    /// Tells the display how many rows to expect: the planner's estimate with <c>--skip-count</c>, else an exact count,
    /// cached for a day except while the unit's period is still open (today's partition is always recounted).
    /// </summary>
    private async Task ReportExpectedRowsAsync(WorkUnit unit, CancellationToken cancellationToken)
    {
        progress.StageChanged(unit, UnitStage.Counting);
        if (settings.SkipCount)
        {
            progress.RowsExpected(unit, await reader.CountAsync(unit, estimate: true, cancellationToken), estimated: true);
            return;
        }
        var now = clock.GetUtcNow();
        var cacheKey = unit.Window is { } w ? $"{unit.Source} [{w.Start:O}, {w.End:O})" : unit.Source.ToString();
        var closed = (unit.Window?.End ?? unit.Period.End) <= now.UtcDateTime;
        var rows = closed ? state.GetCount(cacheKey, TimeSpan.FromDays(1), now) : null;
        if (rows is null)
        {
            rows = await reader.CountAsync(unit, estimate: false, cancellationToken);
            if (closed && !settings.DryRun)
                state.SetCount(cacheKey, rows.Value, now);
        }
        progress.RowsExpected(unit, rows.Value, estimated: false);
    }

    private static bool Holds(ObjectInfo existing, UploadSource source) =>
        existing.Size == source.Length
        && (ETagCheck.Matches(existing.ETag, source.Md5)
            || (existing.Metadata.TryGetValue(ObjectMetadata.Md5, out var md5) && string.Equals(md5, source.Md5Hex, StringComparison.OrdinalIgnoreCase)));

    private void Record(WorkUnit unit, UploadSource source, string? etag, long rows, long bytesIn) =>
        state.Set(unit.Key, new ObjectRecord
        {
            Size = source.Length,
            Md5 = source.Md5Hex,
            ETag = etag,
            Rows = rows,
            UploadedAt = clock.GetUtcNow(),
            RowsFrom = unit.RowsFrom,
            RowsTo = unit.RowsTo,
            Source = unit.Source.ToString(),
            UncompressedSize = bytesIn,
        });

    /// <summary>
    /// Whether what a record was stored for includes every date <paramref name="unit"/> asks for. A record without a
    /// span (written before spans were kept) is taken to cover the whole period, as every such object did.
    /// </summary>
    private static bool Covers(ObjectRecord record, WorkUnit unit) =>
        (record.RowsFrom?.UtcDateTime ?? unit.Period.Start) <= unit.RowsFrom.UtcDateTime
        && (record.RowsTo?.UtcDateTime ?? unit.Period.End) >= unit.RowsTo.UtcDateTime;
}
