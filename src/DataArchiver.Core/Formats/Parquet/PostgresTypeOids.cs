namespace DataArchiver.Core.Formats.Parquet;

/// <summary>OIDs of the built-in PostgreSQL types that are decoded from their binary send format.</summary>
internal static class PostgresTypeOids
{
    public const uint Bool = 16;
    public const uint Bytea = 17;
    public const uint Name = 19;
    public const uint Int8 = 20;
    public const uint Int2 = 21;
    public const uint Int4 = 23;
    public const uint Text = 25;
    public const uint Json = 114;
    public const uint Float4 = 700;
    public const uint Float8 = 701;
    public const uint Bpchar = 1042;
    public const uint Varchar = 1043;
    public const uint Date = 1082;
    public const uint Time = 1083;
    public const uint Timestamp = 1114;
    public const uint TimestampTz = 1184;
    public const uint Numeric = 1700;
    public const uint Uuid = 2950;
    public const uint Jsonb = 3802;

    /// <summary>The element type of a built-in array type, or 0 when <paramref name="arrayOid"/> is not one we decode.</summary>
    public static uint ElementOf(uint arrayOid) => arrayOid switch
    {
        1000 => Bool,
        1001 => Bytea,
        1003 => Name,
        1016 => Int8,
        1005 => Int2,
        1007 => Int4,
        1009 => Text,
        199 => Json,
        1021 => Float4,
        1022 => Float8,
        1014 => Bpchar,
        1015 => Varchar,
        1182 => Date,
        1183 => Time,
        1115 => Timestamp,
        1185 => TimestampTz,
        1231 => Numeric,
        2951 => Uuid,
        3807 => Jsonb,
        _ => 0,
    };
}
