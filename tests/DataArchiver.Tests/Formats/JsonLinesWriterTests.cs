using System.Text;
using DataArchiver.Core.Extraction;
using DataArchiver.Core.Formats;
using DataArchiver.Core.PostgresTypes;

namespace DataArchiver.Tests.Formats;

public sealed class JsonLinesWriterTests
{
    private static readonly ColumnInfo[] Columns =
    [
        new("id", "bigint", 20, true),
        new("name \"q\"\n", "text", 25, false),
        new("span", "interval", 1186, false),
        new("tags", "text[]", 1009, false),
        new("at", "timestamp with time zone", 1184, false),
    ];

    [Fact]
    public void WriteRow_BinaryAndTextFields_OneObjectPerLineKeysEscaped()
    {
        using var output = new MemoryStream();
        var writer = new JsonLinesWriter(output, TestColumns.Of(Columns));
        var first = BinaryRow.Of(PgSend.Int8(1), PgSend.Text("a\tb"), PgSend.Text("1 day"), PgSend.Array(25, PgSend.Text("x"), null),
            PgSend.Timestamp(new DateTime(2024, 1, 1)));
        var second = BinaryRow.Of(PgSend.Int8(-2), null, null, null, null);

        writer.WriteRow(first.Data, first.Fields);
        writer.WriteRow(second.Data, second.Fields);
        writer.Complete();

        Assert.Equal(
            "{\"id\":1,\"name \\\"q\\\"\\n\":\"a\\tb\",\"span\":\"1 day\",\"tags\":[\"x\",null],\"at\":\"2024-01-01T00:00:00+00:00\"}\n" +
            "{\"id\":-2,\"name \\\"q\\\"\\n\":null,\"span\":null,\"tags\":null,\"at\":null}\n",
            Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public void WriteRow_WrongFieldCount_Throws()
    {
        var writer = new JsonLinesWriter(Stream.Null, TestColumns.Of(Columns));
        var row = BinaryRow.Of(PgSend.Int8(1));

        Assert.Throws<InvalidOperationException>(() => writer.WriteRow(row.Data, row.Fields));
    }

    [Fact]
    public void WriteRow_TableWithoutColumns_EmptyObjects()
    {
        using var output = new MemoryStream();
        var writer = new JsonLinesWriter(output, []);

        writer.WriteRow([], []);
        writer.Complete();

        Assert.Equal("{}\n", Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public void WriteRow_ManyRowsOfEveryNativeType_AllocatesNothingPerRow()
    {
        ColumnInfo[] columns =
        [
            new("b", "boolean", 16, false), new("l", "bigint", 20, false), new("r", "real", 700, false),
            new("d", "double precision", 701, false), new("n", "numeric", 1700, false), new("t", "text", 25, false),
            new("j", "jsonb", 3802, false), new("u", "uuid", 2950, false), new("x", "bytea", 17, false), new("day", "date", 1082, false),
            new("at", "timestamp with time zone", 1184, false), new("tags", "text[]", 1009, false), new("s", "interval", 1186, false),
        ];
        var floatField = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteSingleBigEndian(floatField, 0.1234567f);
        var row = BinaryRow.Of(PgSend.Bool(true), PgSend.Int8(long.MinValue), floatField, PgSend.Float8(1234.5678901234), PgSend.Numeric("-12345.678"),
            PgSend.Text("a \"b\"\n\u0001"), PgSend.Jsonb("{\"a\": 1}"), Guid.NewGuid().ToByteArray(bigEndian: true), [1, 2, 3],
            PgSend.Date(new DateOnly(2024, 1, 1)), PgSend.Timestamp(new DateTime(2024, 1, 1, 10, 0, 0, 500, DateTimeKind.Unspecified)),
            PgSend.Array(25, PgSend.Text("x"), null), PgSend.Text("1 day"));
        var writer = new JsonLinesWriter(Stream.Null, TestColumns.Of(columns));
        writer.WriteRow(row.Data, row.Fields);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
            writer.WriteRow(row.Data, row.Fields);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 1024, $"{allocated} bytes allocated for 10,000 rows");
    }
}
