using DataArchiver.Core.Codecs;
using DataArchiver.Core.Configuration;
using DataArchiver.Core.Extraction;
using DataArchiver.Core.PostgresTypes;
using ParquetSharp;

namespace DataArchiver.Core.Formats.Parquet;

/// <summary>
/// Writes Apache Parquet from PostgreSQL's binary field values, one Parquet logical type per PostgreSQL type (see
/// <see cref="ParquetColumnMapping"/>). Rows are buffered column-wise and written as a row group every
/// <see cref="FormatOptions.ChunkSize"/> rows, or earlier once <see cref="FormatOptions.ChunkByteLimit"/> bytes are
/// buffered, so memory stays bounded whatever the table holds. Compression is Parquet's own, per page.
/// </summary>
public sealed class ParquetRecordWriter : IRowWriter
{
    /// <summary>About how many bytes of values the native writer takes in one batch (see <see cref="BatchSizeFor"/>).</summary>
    private const long BatchBytes = 1024 * 1024;

    /// <summary>Arrow's own batch size, kept for narrow values.</summary>
    private const int MaxBatchSize = 1024;

    private const int MinBatchSize = 16;

    private readonly CountingStream _output;
    private readonly IReadOnlyList<ColumnInfo> _columnInfos;
    private readonly FormatOptions _options;
    private ParquetSchema? _schema;
    private ParquetFileWriter? _file;
    private readonly ParquetColumnMapping[] _columns;
    private readonly ColumnBuffer[] _buffers;
    private readonly int _chunkSize;
    private readonly long _chunkByteLimit;
    private long _rows;
    private int _rowsInGroup;
    private bool _failed;
    private bool _completed;

    /// <summary>Creates a writer for rows of <paramref name="columns"/> onto <paramref name="output"/>, which need not seek.</summary>
    public ParquetRecordWriter(Stream output, IReadOnlyList<ExportColumn> columns, FormatOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ChunkSize, 1);
        _chunkSize = options.ChunkSize;
        _chunkByteLimit = options.ChunkByteLimit;
        _columns = columns.Select(ParquetColumnMapping.For).ToArray();
        _buffers = _columns.Select(ColumnBuffer.Create).ToArray();
        // The Parquet writer asks for its position; the pipeline's streams only count, they cannot seek.
        _output = new CountingStream(output);
        _columnInfos = [.. columns.Select(column => column.Column)];
        _options = options;
        // The file is opened with the first row group, once the width of the values is known.
        _schema = ParquetSchema.Build(_columns);
    }

    /// <summary>Rows written so far.</summary>
    public long Rows => _rows;

    /// <inheritdoc />
    public void WriteRow(ReadOnlySpan<byte> data, ReadOnlySpan<FieldSlice> fields)
    {
        if (_failed || _completed)
            throw new InvalidOperationException(_failed ? "the Parquet writer failed on an earlier row" : "the Parquet file is already complete");
        if (fields.Length != _buffers.Length)
            throw new InvalidOperationException($"row has {fields.Length} fields, expected {_buffers.Length}");
        _rows++;
        if (_buffers.Length == 0)
        {
            // Parquet counts rows through its columns: without one, the rows would silently vanish.
            _failed = true;
            throw new ValueNotRepresentableException($"row {_rows}: a row of a table without columns has no Parquet form (the jsonl and csv formats keep it)");
        }
        var column = 0;
        try
        {
            long buffered = 0;
            for (; column < fields.Length; column++)
            {
                var field = fields[column];
                var buffer = _buffers[column];
                buffer.Append(field.IsNull ? default : data.Slice(field.Offset, field.Length), field.IsNull);
                buffered += buffer.BufferedBytes;
            }
            if (++_rowsInGroup >= _chunkSize || buffered >= _chunkByteLimit)
                FlushRowGroup();
        }
        catch (ValueNotRepresentableException error) when (column < _columns.Length)
        {
            _failed = true;
            throw new ValueNotRepresentableException(
                $"{Describe(column)}: {error.Message}; Parquet cannot store it exactly (the jsonl and csv formats keep every value)", error);
        }
        catch (InvalidDataException error) when (column < _columns.Length)
        {
            _failed = true;
            throw new InvalidDataException($"{Describe(column)}: {error.Message}", error);
        }
        catch
        {
            _failed = true;
            throw;
        }
    }

    /// <inheritdoc />
    public void Complete()
    {
        if (_failed)
            throw new InvalidOperationException("the Parquet writer failed on an earlier row");
        if (_completed)
            return;
        FlushRowGroup();
        FileWriter.Close();
        _output.Flush();
        _completed = true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _file?.Dispose();
        _schema?.Dispose();
    }

    /// <summary>
    /// Values per batch for the native writer: it checks page and dictionary sizes only between batches, so with
    /// Arrow's 1,024 values of 16 KB it built 16 MB pages and dictionaries (docs/PERFORMANCE.md, "Memory"). Batches
    /// of about <see cref="BatchBytes"/> of the widest column's values; narrow columns keep 1,024, as smaller
    /// batches cost them CPU.
    /// </summary>
    internal static int BatchSizeFor(IEnumerable<(long Bytes, int Values)> columns)
    {
        var widest = columns.Select(column => column.Bytes / Math.Max(1, column.Values)).DefaultIfEmpty(0).Max();
        return (int)Math.Clamp(BatchBytes / Math.Max(1, widest), MinBatchSize, MaxBatchSize);
    }

    private ParquetFileWriter FileWriter => _file ??= Open();

    private ParquetFileWriter Open()
    {
        var batchSize = BatchSizeFor(_buffers.Select(buffer => (buffer.BufferedBytes, buffer.LevelCount)));
        using var properties = Properties(_options, batchSize);
        var file = new ParquetFileWriter(_output, _schema!.Root, properties, ParquetFileMetadata.For(_columnInfos), leaveOpen: true);
        _schema.Dispose();
        _schema = null;
        return file;
    }

    private static WriterProperties Properties(FormatOptions options, int batchSize)
    {
        using var builder = new WriterPropertiesBuilder();
        // Arrow's default pool (a bundled mimalloc) keeps freed pages for reuse: ~17 MiB more resident for the same
        // file than the C library's allocator, at no measurable difference in speed (docs/PERFORMANCE.md, "Memory").
        builder.MemoryPool(ParquetSharp.MemoryPool.SystemMemoryPool());
        builder.WriteBatchSize(batchSize);
        builder.Compression(options.Codec switch
        {
            CompressionCodec.Zstd => ParquetSharp.Compression.Zstd,
            CompressionCodec.Gzip => ParquetSharp.Compression.Gzip,
            CompressionCodec.Snappy => ParquetSharp.Compression.Snappy,
            // Parquet's LZ4_RAW codec; the older Hadoop framing is deprecated.
            CompressionCodec.Lz4 => ParquetSharp.Compression.Lz4,
            CompressionCodec.None => ParquetSharp.Compression.Uncompressed,
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Codec, "not a Parquet codec"),
        });
        if (options.Codec is CompressionCodec.Zstd or CompressionCodec.Gzip or CompressionCodec.Lz4)
            builder.CompressionLevel(options.CompressionLevel);
        return builder.Build();
    }

    private string Describe(int column) =>
        $"row {_rows}, column \"{_columns[column].Column.Name}\" ({_columns[column].Column.TypeName})";

    private void FlushRowGroup()
    {
        if (_rowsInGroup == 0)
            return;
        using (var rowGroup = FileWriter.AppendRowGroup())
        {
            foreach (var buffer in _buffers)
            {
                using var writer = rowGroup.NextColumn();
                buffer.WriteTo(writer);
                buffer.Clear();
            }
            rowGroup.Close();
        }
        _rowsInGroup = 0;
    }
}
