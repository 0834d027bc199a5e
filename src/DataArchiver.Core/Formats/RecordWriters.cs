using DataArchiver.Core.Configuration;
using DataArchiver.Core.Extraction;

namespace DataArchiver.Core.Formats;

/// <summary>Chooses the record writer for a format. An unknown format is an error, never a silent fallback.</summary>
public static class RecordWriters
{
    /// <summary>A writer of <paramref name="format"/> for <paramref name="columns"/> onto <paramref name="output"/>.</summary>
    public static IRecordWriter Create(OutputFormat format, Stream output, IReadOnlyList<ColumnInfo> columns) => format switch
    {
        OutputFormat.Jsonl => new JsonLinesWriter(output, columns),
        OutputFormat.Csv => new CsvRecordWriter(output),
        _ => throw new ConfigurationException($"--output-format {format.ToString().ToLowerInvariant()} is not supported yet"),
    };
}
