namespace DataArchiver.Core.Formats.Json;

/// <summary>How the JSON lines writer turns one field (or one array element) into JSON.</summary>
internal enum JsonValueType
{
    /// <summary>The field is already JSON: <c>to_json(column)::text</c>, rendered by the server.</summary>
    ServerJson,
    /// <summary>bool → <c>true</c> / <c>false</c>.</summary>
    Bool,
    /// <summary>int2 → digits.</summary>
    Int2,
    /// <summary>int4 → digits.</summary>
    Int4,
    /// <summary>int8 → digits.</summary>
    Int8,
    /// <summary>float4 → shortest exact digits; NaN and ±Infinity as strings.</summary>
    Float4,
    /// <summary>float8 → shortest exact digits; NaN and ±Infinity as strings.</summary>
    Float8,
    /// <summary>numeric → its exact text; NaN and ±Infinity as strings.</summary>
    Numeric,
    /// <summary>text, varchar, char(n), name → a JSON string.</summary>
    String,
    /// <summary>json → the stored text, embedded.</summary>
    Json,
    /// <summary>jsonb → its text after the version byte, embedded.</summary>
    Jsonb,
    /// <summary>uuid → a quoted lower-case 8-4-4-4-12 string.</summary>
    Uuid,
    /// <summary>bytea → a quoted <c>\x</c> and lower-case hex (bytea_output = hex).</summary>
    Bytea,
    /// <summary>date → a quoted ISO date.</summary>
    Date,
    /// <summary>time → a quoted time of day.</summary>
    Time,
    /// <summary>timestamp → a quoted ISO date and time.</summary>
    Timestamp,
    /// <summary>timestamptz → a quoted ISO date and time with <c>+00:00</c>.</summary>
    TimestampTz,
}
