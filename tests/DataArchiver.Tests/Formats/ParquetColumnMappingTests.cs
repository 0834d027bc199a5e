using DataArchiver.Core.Extraction;
using DataArchiver.Core.Formats.Parquet;
using DataArchiver.Core.PostgresTypes;

namespace DataArchiver.Tests.Formats;

public sealed class ParquetColumnMappingTests
{
    [Theory]
    [InlineData(16u, "boolean", "", "Boolean", false)]
    [InlineData(21u, "smallint", "", "Int16", false)]
    [InlineData(23u, "integer", "", "Int32", false)]
    [InlineData(20u, "bigint", "", "Int64", false)]
    [InlineData(700u, "real", "", "Float", false)]
    [InlineData(701u, "double precision", "", "Double", false)]
    [InlineData(1700u, "numeric(12,2)", "", "Decimal", false)]
    [InlineData(1700u, "numeric(38,38)", "", "Decimal", false)]
    [InlineData(1700u, "numeric", "", "NumericText", false)]
    [InlineData(1700u, "numeric(39,2)", "", "NumericText", false)]
    [InlineData(1700u, "numeric(5,-2)", "", "NumericText", false)]
    [InlineData(1700u, "numeric(3,5)", "", "NumericText", false)]
    [InlineData(25u, "text", "", "String", false)]
    [InlineData(1043u, "character varying(20)", "", "String", false)]
    [InlineData(1042u, "character(5)", "", "String", false)]
    [InlineData(19u, "name", "", "String", false)]
    [InlineData(2950u, "uuid", "", "Uuid", false)]
    [InlineData(114u, "json", "", "Json", false)]
    [InlineData(3802u, "jsonb", "", "Jsonb", false)]
    [InlineData(17u, "bytea", "", "Bytes", false)]
    [InlineData(1082u, "date", "", "Date", false)]
    [InlineData(1114u, "timestamp(3) without time zone", "", "Timestamp", false)]
    [InlineData(1184u, "timestamp with time zone", "", "TimestampTz", false)]
    [InlineData(1083u, "time without time zone", "", "Time", false)]
    [InlineData(1266u, "time with time zone", "text", "String", false)]
    [InlineData(1186u, "interval", "text", "String", false)]
    [InlineData(869u, "inet", "text", "String", false)]
    [InlineData(790u, "money", "text", "String", false)]
    [InlineData(142u, "xml", "text", "String", false)]
    [InlineData(16390u, "mood", "text", "String", false)]
    [InlineData(1007u, "integer[]", "", "Int32", true)]
    [InlineData(1231u, "numeric(10,2)[]", "", "Decimal", true)]
    [InlineData(1231u, "numeric[]", "", "NumericText", true)]
    [InlineData(1009u, "text[]", "", "String", true)]
    [InlineData(1185u, "timestamp with time zone[]", "", "TimestampTz", true)]
    [InlineData(3807u, "jsonb[]", "", "Jsonb", true)]
    [InlineData(1041u, "inet[]", "text", "String", false)]
    [InlineData(16389u, "mood[]", "text", "String", false)]
    public void For_Type_ReadFormAndParquetForm(uint oid, string typeName, string read, string kind, bool isList)
    {
        var column = TestColumns.Of([new ColumnInfo("c", typeName, oid, NotNull: false)])[0];

        var mapping = ParquetColumnMapping.For(column);

        Assert.Equal(read == "text" ? FieldRead.OutputText : FieldRead.Binary, column.Read);
        Assert.Equal(kind, mapping.Kind.ToString());
        Assert.Equal(isList, mapping.IsList);
    }

    [Theory]
    [InlineData("numeric(12,2)", 12, 2)]
    [InlineData("numeric(5,-2)", 5, -2)]
    [InlineData("numeric(38,0)", 38, 0)]
    public void NumericTypmod_FormatTypeText_GivesPrecisionAndScale(string typeName, int precision, int scale) =>
        Assert.Equal((precision, scale), ParquetColumnMapping.NumericTypmod(typeName));

    [Theory]
    [InlineData("numeric")]
    [InlineData("numeric(12)")]
    [InlineData("integer")]
    public void NumericTypmod_WithoutBoth_IsNull(string typeName) => Assert.Null(ParquetColumnMapping.NumericTypmod(typeName));
}
