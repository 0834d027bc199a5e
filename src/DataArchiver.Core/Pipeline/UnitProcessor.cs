using DataArchiver.Core.Extraction;
using DataArchiver.Core.Planning;
using DataArchiver.Core.Progress;
using DataArchiver.Core.Storage;

namespace DataArchiver.Core.Pipeline;

/// <summary>
/// One attempt at one unit, top to bottom. Unless forced: (a) a state record whose object the store still reports
/// unchanged is skipped without touching the database; (b) otherwise the unit is extracted into a hashed temp file
/// and, when the stored object already has exactly those bytes, the upload is skipped; (c) else the file goes to the
/// output (uploaded, verified and recorded; nowhere in a dry run). The temp file is removed whatever happens.
/// </summary>
public sealed class UnitProcessor(
    UnitProcessorOptions options,
    IUnitReader reader,
    StoredObjectCheck check,
    RowCounter counter,
    IUnitOutput output,
    IArchiveProgress progress,
    TimeProvider clock) : IUnitAttempt
{
    /// <inheritdoc />
    public async Task<UnitResult> RunAsync(WorkUnit unit, AttemptHistory history, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        try
        {
            if (!options.Force && await FindRecordedAsync(unit, history, cancellationToken) is { } known)
                return known with { Elapsed = clock.GetElapsedTime(started) };
            var result = await ArchiveAsync(unit, history, cancellationToken);
            return result with { Elapsed = clock.GetElapsedTime(started) };
        }
        catch (Exception error) when (error is not OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            output.RecordFailure(unit, error);
            throw;
        }
    }

    private async Task<UnitResult?> FindRecordedAsync(WorkUnit unit, AttemptHistory history, CancellationToken cancellationToken)
    {
        progress.StageChanged(unit, UnitStage.Checking);
        if (await check.FindRecordedAsync(unit, cancellationToken) is not { } record)
            return null;
        if (record.Empty)
            return new UnitResult(unit, UnitOutcome.Empty, 0, 0, 0, TimeSpan.Zero);
        output.ClearFailure(unit, record); // the object is fine after all
        return history.Uploaded
            ? new UnitResult(unit, UnitOutcome.Archived, record.Rows, 0, record.Size, TimeSpan.Zero)
            : new UnitResult(unit, UnitOutcome.Skipped, 0, 0, 0, TimeSpan.Zero);
    }

    private async Task<UnitResult> ArchiveAsync(WorkUnit unit, AttemptHistory history, CancellationToken cancellationToken)
    {
        var tempPath = TempFiles.NewPath(options.TempDirectory);
        try
        {
            await counter.ReportExpectedAsync(unit, cancellationToken);
            progress.StageChanged(unit, UnitStage.Extracting);
            var file = await UnitFileWriter.WriteAsync(options.Encoding, reader, unit, tempPath,
                (rows, bytes) => progress.RowsDone(unit, rows, bytes), cancellationToken);
            if (file.Rows == 0)
            {
                output.RecordEmpty(unit);
                return Result(unit, UnitOutcome.Empty, file with { Length = 0 });
            }
            var source = new UploadSource(tempPath, file.Length, file.Md5);
            if (!options.Force && await check.FindSameAsync(unit.Key, source, cancellationToken) is { } existing)
            {
                output.RecordStored(unit, source, existing.ETag, file.Rows);
                return Result(unit, history.Uploaded ? UnitOutcome.Archived : UnitOutcome.Skipped, file);
            }
            var metadata = ObjectMetadata.Build(unit, options.Encoding, file.Columns, file.Md5, file.Rows);
            var stored = await output.PublishAsync(unit, source, metadata, file.Rows, history, cancellationToken);
            return Result(unit, stored is null ? UnitOutcome.WouldArchive : UnitOutcome.Archived, file);
        }
        finally
        {
            TempFiles.TryDelete(tempPath);
        }
    }

    private static UnitResult Result(WorkUnit unit, UnitOutcome outcome, WrittenFile file) =>
        new(unit, outcome, file.Rows, file.BytesIn, file.Length, TimeSpan.Zero);
}
