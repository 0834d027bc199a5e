using DataArchiver.Core.Codecs;
using DataArchiver.Core.Configuration;
using DataArchiver.Core.Extraction;
using DataArchiver.Core.Formats;
using DataArchiver.Core.Hashing;
using DataArchiver.Core.Planning;
using DataArchiver.Core.PostgresTypes;

namespace DataArchiver.Core.Pipeline;

/// <summary>
/// Extracts a unit into a temp file: file ← MD5 and byte count ← codec ← hand-over thread ← byte count ← format, which
/// opens the unit through the reader, creates its writer and has the reader pump rows into it.
/// </summary>
internal static class UnitFileWriter
{
    public static async Task<WrittenFile> WriteAsync(FormatOptions options, IUnitReader reader, WorkUnit unit, string path,
        Action<long, long> onProgress, CancellationToken cancellationToken)
    {
        var format = FileFormats.For(options.Format, options);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        var sink = new FaultRecordingStream(file);
        using var hashing = new HashingStream(sink);
        Stream? compressed = Compression.Wrap(hashing, format.CompressesInside ? CompressionCodec.None : options.Codec,
            options.CompressionLevel);
        BackgroundWriteStream? handOver = null;
        try
        {
            handOver = new BackgroundWriteStream(compressed, cancellationToken: cancellationToken);
            var counting = new CountingStream(handOver);
            var result = await format.WriteAsync(reader, unit, counting, rows => onProgress(rows, hashing.BytesWritten), cancellationToken);
            handOver.Complete();
            handOver = null;
            compressed.Dispose();
            compressed = null;
            var md5 = hashing.GetMd5();
            await sink.FlushAsync(cancellationToken);
            return new WrittenFile(result.Rows, hashing.BytesWritten, md5, result.SourceBytes ?? counting.BytesWritten, result.Columns);
        }
        catch (Exception) when (sink.Fault is { } fault)
        {
            // The reader or the format writer may have wrapped the file's failure (as a database error, a native
            // Parquet error with a stack trace in its text): the file's own exception says what happened.
            throw new TempFileException(fault.Message, fault);
        }
        finally
        {
            handOver?.Dispose();
            compressed?.Dispose();
        }
    }
}

/// <summary>A finished temp file and what went into it.</summary>
internal sealed record WrittenFile(long Rows, long Length, byte[] Md5, long BytesIn, IReadOnlyList<ColumnInfo> Columns);
