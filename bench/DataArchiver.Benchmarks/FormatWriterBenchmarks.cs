using BenchmarkDotNet.Attributes;
using DataArchiver.Core.Configuration;
using DataArchiver.Core.Formats;
using DataArchiver.Tests.Formats;

namespace DataArchiver.Benchmarks;

/// <summary>
/// The per-format encoders alone, fed pre-encoded rows in memory and writing to a null stream: the cost of turning
/// fields into a file, without the database, the stream codec or the disk. Not sealed: BenchmarkDotNet derives from it.
/// </summary>
[MemoryDiagnoser]
public class FormatWriterBenchmarks
{
    private SyntheticRows _rows = null!;

    /// <summary>Rows written per operation.</summary>
    [Params(20_000)]
    public int Rows { get; set; }

    /// <summary>Builds the rows once.</summary>
    [GlobalSetup]
    public void Setup() => _rows = SyntheticRows.Create(Rows);

    /// <summary>JSON lines from binary fields, every column encoded to JSON by the writer.</summary>
    [Benchmark(Baseline = true)]
    public void JsonLines() => Write(OutputFormat.Jsonl, _rows.Binary, FormatOptions.Default);

    /// <summary>Parquet from binary fields, no compression: the encoding alone.</summary>
    [Benchmark]
    public void ParquetUncompressed() => Write(OutputFormat.Parquet, _rows.Binary, FormatOptions.Default with { Codec = CompressionCodec.None });

    /// <summary>Parquet from binary fields with its default zstd level 3 page compression.</summary>
    [Benchmark]
    public void ParquetZstd3() => Write(OutputFormat.Parquet, _rows.Binary, FormatOptions.Default);

    /// <summary>Parquet with snappy page compression.</summary>
    [Benchmark]
    public void ParquetSnappy() => Write(OutputFormat.Parquet, _rows.Binary, FormatOptions.Default with { Codec = CompressionCodec.Snappy });

    private static void Write(OutputFormat format, RowBuffer rows, FormatOptions options)
    {
        using var writer = ((RowFileFormat)FileFormats.For(format, options)).CreateWriter(Stream.Null, TestColumns.Of(SyntheticRows.Columns));
        rows.WriteTo(writer);
        writer.Complete();
    }
}
