using System.Diagnostics;
using DataArchiver.Core.Codecs;
using DataArchiver.Core.Configuration;
using DataArchiver.Core.Extraction;
using DataArchiver.Core.Formats;
using DataArchiver.Core.Hashing;
using DataArchiver.Core.Planning;
using DataArchiver.Core.Progress;
using DataArchiver.Core.Storage;

namespace DataArchiver.Core.Pipeline;

/// <summary>
/// One attempt at one unit: extract → encode → compress → hash into a temp file, upload it, verify what the
/// store reports, remove the temp file whatever happens.
/// </summary>
public sealed class UnitProcessor(
    ArchiveSettings settings,
    IUnitReader reader,
    IObjectStore store,
    IArchiveProgress progress,
    string tempDirectory) : IUnitProcessor
{
    /// <inheritdoc />
    public async Task<UnitResult> ProcessAsync(WorkUnit unit, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var tempPath = TempFiles.NewPath(tempDirectory);
        try
        {
            progress.StageChanged(unit, UnitStage.Extracting);
            var file = await WriteFileAsync(unit, tempPath, cancellationToken);
            if (file.Rows == 0)
                return new UnitResult(unit, UnitOutcome.Empty, 0, 0, 0, clock.Elapsed);

            progress.StageChanged(unit, UnitStage.Uploading);
            var source = new UploadSource(tempPath, file.Length, file.Md5);
            var metadata = ObjectMetadata.Build(unit, settings, file.Columns, file.Md5, file.Rows);
            var put = await store.PutAsync(unit.Key, source, metadata, cancellationToken);

            progress.StageChanged(unit, UnitStage.Verifying);
            var stored = await store.HeadAsync(unit.Key, cancellationToken)
                ?? throw new VerificationException($"{unit.Key} is missing right after its upload");
            Verify(unit.Key, stored, source, put.PartMd5s);
            return new UnitResult(unit, UnitOutcome.Archived, file.Rows, file.BytesIn, file.Length, clock.Elapsed);
        }
        finally
        {
            TempFiles.TryDelete(tempPath);
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

    private async Task<WrittenFile> WriteFileAsync(WorkUnit unit, string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        using var hashing = new HashingStream(file);
        Stream? compressed = null;
        CountingStream? counting = null;
        IRecordWriter? writer = null;
        IReadOnlyList<ColumnInfo> columns = [];
        try
        {
            var rows = await reader.ExportAsync(unit, cols =>
            {
                columns = cols;
                compressed = Compression.Wrap(hashing, settings.Compression, settings.CompressionLevel);
                counting = new CountingStream(compressed);
                writer = RecordWriters.Create(settings.Format, counting, cols);
                return writer;
            }, done => progress.RowsDone(unit, done, hashing.BytesWritten), cancellationToken);

            writer?.Dispose();
            writer = null;
            compressed?.Dispose();
            compressed = null;
            var md5 = hashing.GetMd5();
            await file.FlushAsync(cancellationToken);
            return new WrittenFile(rows, hashing.BytesWritten, md5, counting?.BytesWritten ?? 0, columns);
        }
        finally
        {
            writer?.Dispose();
            compressed?.Dispose();
        }
    }

    private sealed record WrittenFile(long Rows, long Length, byte[] Md5, long BytesIn, IReadOnlyList<ColumnInfo> Columns);
}
