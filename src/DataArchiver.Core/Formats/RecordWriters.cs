using DataArchiver.Core.Configuration;
using DataArchiver.Core.Extraction;
using DataArchiver.Core.Formats.Parquet;

namespace DataArchiver.Core.Formats;

/// <summary>Chooses the record writer for a format. An unknown format is an error, never a silent fallback.</summary>
public static class RecordWriters
{
    /// <summary>A writer of <paramref name="format"/> for <paramref name="columns"/> onto <paramref name="output"/>, with default options.</summary>
    public static IRecordWriter Create(OutputFormat format, Stream output, IReadOnlyList<ColumnInfo> columns) =>
        Create(format, output, columns, FormatOptions.Default);

    /// <summary>A writer of <paramref name="format"/> for <paramref name="columns"/> onto <paramref name="output"/>.</summary>
    public static IRecordWriter Create(OutputFormat format, Stream output, IReadOnlyList<ColumnInfo> columns, FormatOptions options) => format switch
    {
        OutputFormat.Jsonl => new JsonLinesWriter(output, columns),
        OutputFormat.Csv => new CsvRecordWriter(output),
        OutputFormat.Parquet => new ParquetRecordWriter(output, columns, options),
        _ => throw new ConfigurationException($"unknown --output-format {format.ToString().ToLowerInvariant()}"),
    };
}
