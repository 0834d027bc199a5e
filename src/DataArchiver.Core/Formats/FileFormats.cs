using DataArchiver.Core.Configuration;
using DataArchiver.Core.Formats.Parquet;

namespace DataArchiver.Core.Formats;

/// <summary>The registry of output formats: one line per format. An unknown format is an error, never a fallback.</summary>
public static class FileFormats
{
    /// <summary>The format <paramref name="format"/> with <paramref name="options"/>.</summary>
    public static IFileFormat For(OutputFormat format, FormatOptions options) => format switch
    {
        OutputFormat.Jsonl => new JsonLinesFormat(),
        OutputFormat.Csv => new CsvFormat(),
        OutputFormat.Parquet => new ParquetFormat(options),
        _ => throw new ConfigurationException($"unknown --output-format {format.ToString().ToLowerInvariant()}"),
    };
}
