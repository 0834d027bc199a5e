using System.Globalization;
using DataArchiver.Core.Extraction;
using ParquetSharp;

namespace DataArchiver.Core.Formats.Parquet;

/// <summary>
/// How one PostgreSQL column becomes one Parquet column: the kind of its values, whether it is a LIST, the DECIMAL
/// precision and scale, and the cast the SELECT list applies (empty when the native binary form is decoded).
/// </summary>
/// <param name="Column">The source column.</param>
/// <param name="Kind">The kind of the values, or of the elements of a list.</param>
/// <param name="IsList">Whether the column is a one-dimensional array written as a Parquet LIST.</param>
/// <param name="Precision">DECIMAL precision (only for <see cref="ParquetValueKind.Decimal"/>).</param>
/// <param name="Scale">DECIMAL scale (only for <see cref="ParquetValueKind.Decimal"/>).</param>
/// <param name="Cast">Appended to the column in the SELECT list: empty, <c>::text</c> or <c>::text[]</c>.</param>
/// <param name="ElementOid">For lists, the element type the binary array must declare.</param>
internal sealed record ParquetColumnMapping(ColumnInfo Column, ParquetValueKind Kind, bool IsList, int Precision, int Scale, string Cast,
    uint ElementOid)
{
    /// <summary>The largest DECIMAL precision written; wider numerics are written as their exact text.</summary>
    public const int MaxDecimalPrecision = 38;

    /// <summary>Whether the column's own binary send format is decoded (no cast in the SELECT list).</summary>
    public bool IsNative => Cast.Length == 0;

    /// <summary>
    /// The physical type of the values: DECIMAL uses INT32 up to 9 digits, INT64 up to 18, and 16 fixed bytes beyond, as
    /// the Parquet format recommends.
    /// </summary>
    public PhysicalType PhysicalType => Kind switch
    {
        ParquetValueKind.Boolean => PhysicalType.Boolean,
        ParquetValueKind.Int16 or ParquetValueKind.Int32 or ParquetValueKind.Date => PhysicalType.Int32,
        ParquetValueKind.Int64 or ParquetValueKind.Timestamp or ParquetValueKind.TimestampTz or ParquetValueKind.Time => PhysicalType.Int64,
        ParquetValueKind.Float => PhysicalType.Float,
        ParquetValueKind.Double => PhysicalType.Double,
        ParquetValueKind.Decimal => Precision <= 9 ? PhysicalType.Int32 : Precision <= 18 ? PhysicalType.Int64 : PhysicalType.FixedLenByteArray,
        ParquetValueKind.Uuid => PhysicalType.FixedLenByteArray,
        _ => PhysicalType.ByteArray,
    };

    /// <summary>The mapping of <paramref name="column"/> following the type rules of the Parquet format.</summary>
    public static ParquetColumnMapping For(ColumnInfo column)
    {
        var elementOid = PostgresTypeOids.ElementOf(column.TypeOid);
        if (elementOid != 0)
        {
            var elementName = column.TypeName.EndsWith("[]", StringComparison.Ordinal) ? column.TypeName[..^2] : column.TypeName;
            if (Scalar(elementOid, elementName) is { } element)
                return new ParquetColumnMapping(column, element.Kind, true, element.Precision, element.Scale, "", elementOid);
            // numeric[] without a usable typmod: each element as its exact text.
            return new ParquetColumnMapping(column, ParquetValueKind.String, true, 0, 0, "::text[]", PostgresTypeOids.Text);
        }
        if (Scalar(column.TypeOid, column.TypeName) is { } scalar)
            return new ParquetColumnMapping(column, scalar.Kind, false, scalar.Precision, scalar.Scale, "", column.TypeOid);
        return new ParquetColumnMapping(column, ParquetValueKind.String, false, 0, 0, "::text", PostgresTypeOids.Text);
    }

    /// <summary>The precision and scale of <c>numeric(p,s)</c> as <c>format_type</c> prints it, or <c>null</c> without a typmod.</summary>
    public static (int Precision, int Scale)? NumericTypmod(string typeName)
    {
        const string prefix = "numeric(";
        if (!typeName.StartsWith(prefix, StringComparison.Ordinal) || !typeName.EndsWith(')'))
            return null;
        var inner = typeName.AsSpan(prefix.Length, typeName.Length - prefix.Length - 1);
        var comma = inner.IndexOf(',');
        if (comma < 0
            || !int.TryParse(inner[..comma], NumberStyles.None, CultureInfo.InvariantCulture, out var precision)
            || !int.TryParse(inner[(comma + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var scale))
            return null;
        return (precision, scale);
    }

    private static (ParquetValueKind Kind, int Precision, int Scale)? Scalar(uint oid, string typeName) => oid switch
    {
        PostgresTypeOids.Bool => (ParquetValueKind.Boolean, 0, 0),
        PostgresTypeOids.Int2 => (ParquetValueKind.Int16, 0, 0),
        PostgresTypeOids.Int4 => (ParquetValueKind.Int32, 0, 0),
        PostgresTypeOids.Int8 => (ParquetValueKind.Int64, 0, 0),
        PostgresTypeOids.Float4 => (ParquetValueKind.Float, 0, 0),
        PostgresTypeOids.Float8 => (ParquetValueKind.Double, 0, 0),
        PostgresTypeOids.Text or PostgresTypeOids.Varchar or PostgresTypeOids.Bpchar or PostgresTypeOids.Name => (ParquetValueKind.String, 0, 0),
        PostgresTypeOids.Json => (ParquetValueKind.Json, 0, 0),
        PostgresTypeOids.Jsonb => (ParquetValueKind.Jsonb, 0, 0),
        PostgresTypeOids.Bytea => (ParquetValueKind.Bytes, 0, 0),
        PostgresTypeOids.Uuid => (ParquetValueKind.Uuid, 0, 0),
        PostgresTypeOids.Date => (ParquetValueKind.Date, 0, 0),
        PostgresTypeOids.Timestamp => (ParquetValueKind.Timestamp, 0, 0),
        PostgresTypeOids.TimestampTz => (ParquetValueKind.TimestampTz, 0, 0),
        PostgresTypeOids.Time => (ParquetValueKind.Time, 0, 0),
        PostgresTypeOids.Numeric => NumericTypmod(typeName) is var (p, s) && p is >= 1 and <= MaxDecimalPrecision && s >= 0 && s <= p
            ? (ParquetValueKind.Decimal, p, s)
            : null,
        _ => null,
    };
}
