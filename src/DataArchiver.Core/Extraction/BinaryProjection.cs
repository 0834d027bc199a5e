using DataArchiver.Core.Formats.Parquet;

namespace DataArchiver.Core.Extraction;

/// <summary>
/// For <see cref="FieldEncoding.PostgresBinary"/>: which columns are sent in their native binary form and which as
/// their text output. Shared by the reader (to build the SELECT list) and the writers (to decode fields).
/// </summary>
/// <remarks>
/// Native: bool, int2, int4, int8, float4, float8, numeric(p,s) with 1 ≤ p ≤ 38 and 0 ≤ s ≤ p, text, varchar, char(n),
/// name, json, jsonb, bytea, uuid, date, time, timestamp, timestamptz, and arrays of these. Arrays of any other
/// numeric are cast to <c>text[]</c> (each element its exact text); every other type is cast to <c>text</c>.
/// </remarks>
public static class BinaryProjection
{
    /// <summary>Whether the column's native binary form is decoded by the writers.</summary>
    public static bool IsNative(ColumnInfo column) => ParquetColumnMapping.For(column).IsNative;

    /// <summary>The SELECT-list expression for <paramref name="column"/>, given its quoted name.</summary>
    public static string SelectExpression(ColumnInfo column, string quotedName) => quotedName + ParquetColumnMapping.For(column).Cast;
}
