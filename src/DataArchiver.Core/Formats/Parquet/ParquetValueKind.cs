namespace DataArchiver.Core.Formats.Parquet;

/// <summary>How the values of a column (or the elements of an array column) are decoded and stored.</summary>
internal enum ParquetValueKind
{
    /// <summary>bool → BOOLEAN.</summary>
    Boolean,
    /// <summary>int2 → INT(16).</summary>
    Int16,
    /// <summary>int4 → INT(32).</summary>
    Int32,
    /// <summary>int8 → INT(64).</summary>
    Int64,
    /// <summary>float4 → FLOAT.</summary>
    Float,
    /// <summary>float8 → DOUBLE.</summary>
    Double,
    /// <summary>numeric(p,s) with 1 ≤ p ≤ 38 and 0 ≤ s ≤ p → DECIMAL(p,s).</summary>
    Decimal,
    /// <summary>Text as PostgreSQL sends it (text types, and the text output of every other type) → STRING.</summary>
    String,
    /// <summary>numeric without a DECIMAL form (no typmod, precision above 38, negative scale) → STRING of its exact text.</summary>
    NumericText,
    /// <summary>json → JSON.</summary>
    Json,
    /// <summary>jsonb (a version byte, then the text) → JSON.</summary>
    Jsonb,
    /// <summary>bytea → BYTE_ARRAY.</summary>
    Bytes,
    /// <summary>uuid → UUID.</summary>
    Uuid,
    /// <summary>date → DATE.</summary>
    Date,
    /// <summary>timestamp → TIMESTAMP(micros, not adjusted to UTC).</summary>
    Timestamp,
    /// <summary>timestamptz → TIMESTAMP(micros, adjusted to UTC).</summary>
    TimestampTz,
    /// <summary>time → TIME(micros, not adjusted to UTC).</summary>
    Time,
}
