using DataArchiver.Core.Extraction;
using DataArchiver.Core.PostgresTypes;
using DataArchiver.Postgres.Extraction;

namespace DataArchiver.Tests.Formats;

public sealed class WireTypesTests
{
    [Theory]
    [InlineData(16u, "boolean", true)]
    [InlineData(21u, "smallint", true)]
    [InlineData(23u, "integer", true)]
    [InlineData(20u, "bigint", true)]
    [InlineData(700u, "real", true)]
    [InlineData(701u, "double precision", true)]
    [InlineData(1700u, "numeric", true)]
    [InlineData(1700u, "numeric(5,-2)", true)]
    [InlineData(25u, "text", true)]
    [InlineData(1043u, "character varying(20)", true)]
    [InlineData(1042u, "character(5)", true)]
    [InlineData(19u, "name", true)]
    [InlineData(114u, "json", true)]
    [InlineData(3802u, "jsonb", true)]
    [InlineData(2950u, "uuid", true)]
    [InlineData(17u, "bytea", true)]
    [InlineData(1082u, "date", true)]
    [InlineData(1083u, "time without time zone", true)]
    [InlineData(1114u, "timestamp without time zone", true)]
    [InlineData(1184u, "timestamp with time zone", true)]
    [InlineData(1007u, "integer[]", true)]
    [InlineData(1231u, "numeric[]", true)]
    [InlineData(1185u, "timestamp with time zone[]", true)]
    [InlineData(1266u, "time with time zone", false)]
    [InlineData(1186u, "interval", false)]
    [InlineData(869u, "inet", false)]
    [InlineData(790u, "money", false)]
    [InlineData(16390u, "mood", false)]
    [InlineData(16391u, "label", false)]
    [InlineData(1041u, "inet[]", false)]
    [InlineData(16389u, "mood[]", false)]
    public void For_Type_BinaryOrOutputTextAndItsSelectExpression(uint oid, string typeName, bool binary)
    {
        var column = new ColumnInfo("c", typeName, oid, NotNull: false);
        var planned = TestColumns.Of([column])[0];

        Assert.Equal(binary, WireTypes.For(column) is not null);
        Assert.Equal(binary ? FieldRead.Binary : FieldRead.OutputText, planned.Read);
        Assert.Equal(binary ? "\"c\"" : "CASE WHEN pg_catalog.num_nulls(\"c\") OPERATOR(pg_catalog.=) 0 THEN pg_catalog.format('%s', \"c\") END",
            ColumnReadPlan.SelectExpression(planned));
    }

    [Fact]
    public void For_Array_DecodesItsElementType()
    {
        var wire = WireTypes.For(new ColumnInfo("c", "numeric[]", 1231, NotNull: false));

        Assert.Equal(new ColumnWire(WireType.Numeric, IsArray: true, 1700), wire);
    }
}
