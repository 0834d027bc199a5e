using DataArchiver.Core.Configuration;

namespace DataArchiver.Core.Planning;

/// <summary>Builds object keys: <c>{rendered template}/{table}-{period}{format ext}{codec ext}</c>.</summary>
public static class ObjectNaming
{
    /// <summary>The file extension of a format.</summary>
    public static string FormatExtension(OutputFormat format) => format switch
    {
        OutputFormat.Jsonl => ".jsonl",
        OutputFormat.Csv => ".csv",
        _ => ".parquet",
    };

    /// <summary>The extension a codec adds; Parquet compresses internally and never gets one.</summary>
    public static string CodecExtension(OutputFormat format, CompressionCodec codec) => format == OutputFormat.Parquet ? "" : codec switch
    {
        CompressionCodec.Zstd => ".zst",
        CompressionCodec.Gzip => ".gz",
        CompressionCodec.Lz4 => ".lz4",
        _ => "",
    };

    /// <summary>The key of the object holding <paramref name="table"/>'s rows for <paramref name="period"/>.</summary>
    public static string Key(PathTemplate template, string table, Period period, OutputFormat format, CompressionCodec codec)
    {
        var prefix = template.Render(table, period.Start);
        var file = $"{table}-{period.Name}{FormatExtension(format)}{CodecExtension(format, codec)}";
        return prefix.Length == 0 ? file : prefix + "/" + file;
    }
}
