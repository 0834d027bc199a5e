using DataArchiver.Core.Codecs;
using DataArchiver.Core.Configuration;
using DataArchiver.Core.Extraction;
using DataArchiver.Core.Formats;
using DataArchiver.Core.Hashing;
using DataArchiver.Core.Planning;

namespace DataArchiver.Core.Pipeline;

/// <summary>Extracts a unit into a temp file: rows → format writer → codec → MD5 and byte count → file.</summary>
internal static class UnitFileWriter
{
    public static async Task<WrittenFile> WriteAsync(FormatOptions options, IUnitReader reader, WorkUnit unit, string path,
        Action<long, long> onProgress, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        using var hashing = new HashingStream(file);
        Stream? compressed = null;
        BackgroundWriteStream? handOver = null;
        CountingStream? counting = null;
        IRecordWriter? writer = null;
        IReadOnlyList<ColumnInfo> columns = [];
        try
        {
            var rows = await reader.ExportAsync(unit, cols =>
            {
                columns = cols;
                compressed = Compression.Wrap(hashing, options.Format == OutputFormat.Parquet ? CompressionCodec.None : options.Codec,
                    options.CompressionLevel);
                handOver = new BackgroundWriteStream(compressed, cancellationToken: cancellationToken);
                counting = new CountingStream(handOver);
                writer = RecordWriters.Create(options.Format, counting, cols, options);
                return writer;
            }, rows => onProgress(rows, hashing.BytesWritten), cancellationToken);

            writer?.Dispose();
            writer = null;
            handOver?.Complete();
            handOver = null;
            compressed?.Dispose();
            compressed = null;
            var md5 = hashing.GetMd5();
            await file.FlushAsync(cancellationToken);
            return new WrittenFile(rows, hashing.BytesWritten, md5, counting?.BytesWritten ?? 0, columns);
        }
        finally
        {
            writer?.Dispose();
            handOver?.Dispose();
            compressed?.Dispose();
        }
    }
}

/// <summary>A finished temp file and what went into it.</summary>
internal sealed record WrittenFile(long Rows, long Length, byte[] Md5, long BytesIn, IReadOnlyList<ColumnInfo> Columns);
