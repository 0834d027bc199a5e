namespace DataArchiver.Core.PostgresTypes;

/// <summary>
/// The built-in types whose binary send format is decoded (and encoded) here. A column of any other type is read as
/// the text its type's output function prints.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "The members are PostgreSQL's own type names.")]
public enum WireType
{
    /// <summary>bool: one byte.</summary>
    Bool,
    /// <summary>int2.</summary>
    Int2,
    /// <summary>int4.</summary>
    Int4,
    /// <summary>int8.</summary>
    Int8,
    /// <summary>float4.</summary>
    Float4,
    /// <summary>float8.</summary>
    Float8,
    /// <summary>numeric: digit count, weight, sign, display scale, base-10,000 digits.</summary>
    Numeric,
    /// <summary>text, varchar, char(n), name: the UTF-8 bytes.</summary>
    Text,
    /// <summary>json: the UTF-8 text.</summary>
    Json,
    /// <summary>jsonb: a version byte, then the UTF-8 text.</summary>
    Jsonb,
    /// <summary>uuid: 16 bytes in the order of the text form.</summary>
    Uuid,
    /// <summary>bytea: the bytes.</summary>
    Bytea,
    /// <summary>date: days since 2000-01-01 (int4).</summary>
    Date,
    /// <summary>time: microseconds since midnight (int8).</summary>
    Time,
    /// <summary>timestamp: microseconds since 2000-01-01 (int8).</summary>
    Timestamp,
    /// <summary>timestamptz: microseconds since 2000-01-01 UTC (int8).</summary>
    TimestampTz,
}
