namespace DataArchiver.Core.PostgresTypes;

/// <summary>
/// The OID table: which PostgreSQL types are decoded from their binary form, as scalars and as arrays. Every format that
/// takes fields reads the same columns in binary; a new decoded type is one line here plus its case in each format.
/// </summary>
public static class WireTypes
{
    /// <summary>The wire type of a scalar OID, or <c>null</c> when values of that type are read as output text.</summary>
    public static WireType? Of(uint oid) => oid switch
    {
        PostgresTypeOids.Bool => WireType.Bool,
        PostgresTypeOids.Int2 => WireType.Int2,
        PostgresTypeOids.Int4 => WireType.Int4,
        PostgresTypeOids.Int8 => WireType.Int8,
        PostgresTypeOids.Float4 => WireType.Float4,
        PostgresTypeOids.Float8 => WireType.Float8,
        PostgresTypeOids.Numeric => WireType.Numeric,
        PostgresTypeOids.Text or PostgresTypeOids.Varchar or PostgresTypeOids.Bpchar or PostgresTypeOids.Name => WireType.Text,
        PostgresTypeOids.Json => WireType.Json,
        PostgresTypeOids.Jsonb => WireType.Jsonb,
        PostgresTypeOids.Uuid => WireType.Uuid,
        PostgresTypeOids.Bytea => WireType.Bytea,
        PostgresTypeOids.Date => WireType.Date,
        PostgresTypeOids.Time => WireType.Time,
        PostgresTypeOids.Timestamp => WireType.Timestamp,
        PostgresTypeOids.TimestampTz => WireType.TimestampTz,
        _ => null,
    };

    /// <summary>The element OID of a built-in array of a decoded type, or 0 when <paramref name="arrayOid"/> is not one.</summary>
    public static uint ElementOf(uint arrayOid) => arrayOid switch
    {
        1000 => PostgresTypeOids.Bool,
        1001 => PostgresTypeOids.Bytea,
        1003 => PostgresTypeOids.Name,
        1016 => PostgresTypeOids.Int8,
        1005 => PostgresTypeOids.Int2,
        1007 => PostgresTypeOids.Int4,
        1009 => PostgresTypeOids.Text,
        199 => PostgresTypeOids.Json,
        1021 => PostgresTypeOids.Float4,
        1022 => PostgresTypeOids.Float8,
        1014 => PostgresTypeOids.Bpchar,
        1015 => PostgresTypeOids.Varchar,
        1182 => PostgresTypeOids.Date,
        1183 => PostgresTypeOids.Time,
        1115 => PostgresTypeOids.Timestamp,
        1185 => PostgresTypeOids.TimestampTz,
        1231 => PostgresTypeOids.Numeric,
        2951 => PostgresTypeOids.Uuid,
        3807 => PostgresTypeOids.Jsonb,
        _ => 0,
    };

    /// <summary>How the values of <paramref name="column"/> are decoded, or <c>null</c> when they are read as output text.</summary>
    public static ColumnWire? For(ColumnInfo column)
    {
        if (Of(column.TypeOid) is { } scalar)
            return new ColumnWire(scalar, IsArray: false, column.TypeOid);
        var element = ElementOf(column.TypeOid);
        return element != 0 ? new ColumnWire(Of(element)!.Value, IsArray: true, element) : null;
    }
}
