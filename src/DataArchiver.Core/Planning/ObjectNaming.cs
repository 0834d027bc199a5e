using DataArchiver.Core.Configuration;

namespace DataArchiver.Core.Planning;

/// <summary>Builds object keys: <c>{rendered template}/{table}-{period}{format ext}{codec ext}</c>.</summary>
/// <param name="Template">The key prefix template.</param>
/// <param name="Format">The file format, which gives the first extension.</param>
/// <param name="Codec">The codec, which gives the second (never for Parquet, which compresses internally).</param>
public sealed record ObjectNaming(PathTemplate Template, OutputFormat Format, CompressionCodec Codec)
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
    public string Key(string table, Period period)
    {
        var prefix = Template.Render(table, period.Start);
        var file = $"{table}-{period.Name}{FormatExtension(Format)}{CodecExtension(Format, Codec)}";
        return prefix.Length == 0 ? file : prefix + "/" + file;
    }
}
