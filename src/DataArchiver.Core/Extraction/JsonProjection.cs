using DataArchiver.Core.Formats.Json;
using DataArchiver.Core.Formats.Parquet;

namespace DataArchiver.Core.Extraction;

/// <summary>
/// For <see cref="FieldEncoding.JsonMixed"/>: which columns are sent in their native binary form and encoded to JSON by
/// the writer, and which the server renders with <c>to_json</c>. Shared by the reader (to build the SELECT list) and the
/// JSON lines writer (to encode fields), so both agree per column.
/// </summary>
/// <remarks>
/// Native: bool, int2, int4, int8, float4, float8, numeric, text, varchar, char(n), name, json, jsonb, uuid, bytea,
/// date, time, timestamp, timestamptz, and arrays of these. Everything else (domains, enums, interval, timetz, inet,
/// money, composites, ranges, …) is selected as <c>to_json(column)::text</c>.
/// </remarks>
public static class JsonProjection
{
    /// <summary>Whether the column's native binary form is encoded to JSON by the writer.</summary>
    public static bool IsNative(ColumnInfo column) => For(column).IsNative;

    /// <summary>The SELECT-list expression for <paramref name="column"/>, given its quoted name.</summary>
    public static string SelectExpression(ColumnInfo column, string quotedName) =>
        IsNative(column) ? quotedName : $"to_json({quotedName})::text";

    /// <summary>How the writer encodes the fields of <paramref name="column"/>.</summary>
    internal static JsonColumnEncoding For(ColumnInfo column)
    {
        var elementOid = PostgresTypeOids.ElementOf(column.TypeOid);
        if (elementOid != 0)
        {
            var element = Scalar(elementOid);
            return element == JsonValueType.ServerJson
                ? default
                : new JsonColumnEncoding(element, IsArray: true, elementOid);
        }
        return new JsonColumnEncoding(Scalar(column.TypeOid), IsArray: false, 0);
    }

    private static JsonValueType Scalar(uint oid) => oid switch
    {
        PostgresTypeOids.Bool => JsonValueType.Bool,
        PostgresTypeOids.Int2 => JsonValueType.Int2,
        PostgresTypeOids.Int4 => JsonValueType.Int4,
        PostgresTypeOids.Int8 => JsonValueType.Int8,
        PostgresTypeOids.Float4 => JsonValueType.Float4,
        PostgresTypeOids.Float8 => JsonValueType.Float8,
        PostgresTypeOids.Numeric => JsonValueType.Numeric,
        PostgresTypeOids.Text or PostgresTypeOids.Varchar or PostgresTypeOids.Bpchar or PostgresTypeOids.Name => JsonValueType.String,
        PostgresTypeOids.Json => JsonValueType.Json,
        PostgresTypeOids.Jsonb => JsonValueType.Jsonb,
        PostgresTypeOids.Uuid => JsonValueType.Uuid,
        PostgresTypeOids.Bytea => JsonValueType.Bytea,
        PostgresTypeOids.Date => JsonValueType.Date,
        PostgresTypeOids.Time => JsonValueType.Time,
        PostgresTypeOids.Timestamp => JsonValueType.Timestamp,
        PostgresTypeOids.TimestampTz => JsonValueType.TimestampTz,
        _ => JsonValueType.ServerJson,
    };
}
