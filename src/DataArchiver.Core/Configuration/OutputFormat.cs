namespace DataArchiver.Core.Configuration;

/// <summary>The file format of archived objects.</summary>
public enum OutputFormat
{
    /// <summary>One JSON object per line.</summary>
    Jsonl,
    /// <summary>PostgreSQL's own CSV with a header line.</summary>
    Csv,
    /// <summary>Apache Parquet.</summary>
    Parquet,
}
