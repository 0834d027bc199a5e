using System.Globalization;
using DataArchiver.Core.Extraction;
using DataArchiver.Core.PostgresTypes;
using ParquetSharp;

namespace DataArchiver.Core.Formats.Parquet;

/// <summary>
/// How one PostgreSQL column becomes one Parquet column: the kind of its values, whether it is a LIST, and the DECIMAL
/// precision and scale. Columns read as output text become STRING holding that text.
/// </summary>
/// <param name="Column">The source column.</param>
/// <param name="Kind">The kind of the values, or of the elements of a list.</param>
/// <param name="IsList">Whether the column is an array of a decoded type, written as a Parquet LIST.</param>
/// <param name="Precision">DECIMAL precision (only for <see cref="ParquetValueKind.Decimal"/>).</param>
/// <param name="Scale">DECIMAL scale (only for <see cref="ParquetValueKind.Decimal"/>).</param>
/// <param name="ElementOid">For lists, the element type the binary array must declare.</param>
internal sealed record ParquetColumnMapping(ColumnInfo Column, ParquetValueKind Kind, bool IsList, int Precision, int Scale, uint ElementOid)
{
    /// <summary>The largest DECIMAL precision written; wider numerics are written as their exact text.</summary>
    public const int MaxDecimalPrecision = PostgresBinary.MaxDecimalDigits;

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
    public static ParquetColumnMapping For(ExportColumn column)
    {
        var info = column.Column;
        if (column.Wire is not { } wire)
            return new ParquetColumnMapping(info, ParquetValueKind.String, false, 0, 0, PostgresTypeOids.Text);
        var typeName = wire.IsArray && info.TypeName.EndsWith("[]", StringComparison.Ordinal) ? info.TypeName[..^2] : info.TypeName;
        var (kind, precision, scale) = Scalar(wire.Type, typeName);
        return new ParquetColumnMapping(info, kind, wire.IsArray, precision, scale, wire.Oid);
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

    private static (ParquetValueKind Kind, int Precision, int Scale) Scalar(WireType type, string typeName) => type switch
    {
        WireType.Bool => (ParquetValueKind.Boolean, 0, 0),
        WireType.Int2 => (ParquetValueKind.Int16, 0, 0),
        WireType.Int4 => (ParquetValueKind.Int32, 0, 0),
        WireType.Int8 => (ParquetValueKind.Int64, 0, 0),
        WireType.Float4 => (ParquetValueKind.Float, 0, 0),
        WireType.Float8 => (ParquetValueKind.Double, 0, 0),
        WireType.Text => (ParquetValueKind.String, 0, 0),
        WireType.Json => (ParquetValueKind.Json, 0, 0),
        WireType.Jsonb => (ParquetValueKind.Jsonb, 0, 0),
        WireType.Bytea => (ParquetValueKind.Bytes, 0, 0),
        WireType.Uuid => (ParquetValueKind.Uuid, 0, 0),
        WireType.Date => (ParquetValueKind.Date, 0, 0),
        WireType.Timestamp => (ParquetValueKind.Timestamp, 0, 0),
        WireType.TimestampTz => (ParquetValueKind.TimestampTz, 0, 0),
        WireType.Time => (ParquetValueKind.Time, 0, 0),
        // Without a usable typmod, a numeric is its exact text, printed here from the binary form as numeric_out does.
        _ => NumericTypmod(typeName) is var (p, s) && p is >= 1 and <= MaxDecimalPrecision && s >= 0 && s <= p
            ? (ParquetValueKind.Decimal, p, s)
            : (ParquetValueKind.NumericText, 0, 0),
    };
}
