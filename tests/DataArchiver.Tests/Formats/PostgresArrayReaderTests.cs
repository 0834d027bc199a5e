using DataArchiver.Core.Formats.Parquet;

namespace DataArchiver.Tests.Formats;

public sealed class PostgresArrayReaderTests
{
    private const uint Int4Oid = 23;

    [Fact]
    public void Read_OneDimensionalWithNull_YieldsElementsInOrder()
    {
        var field = PgSend.Array(Int4Oid, PgSend.Int4(7), null, PgSend.Int4(-1));

        var reader = new PostgresArrayReader(field, Int4Oid);
        var values = new List<int?>();
        for (var i = 0; i < reader.Count; i++)
        {
            var element = reader.Next(out var isNull);
            values.Add(isNull ? null : PostgresBinary.ReadInt32(element));
        }

        Assert.Equal([7, null, -1], values);
    }

    [Fact]
    public void Read_EmptyArray_HasNoElements() =>
        Assert.Equal(0, new PostgresArrayReader(PgSend.Array(Int4Oid), Int4Oid).Count);

    [Fact]
    public void Read_EmptyStringElement_IsNotNull()
    {
        var reader = new PostgresArrayReader(PgSend.Array(25, PgSend.Text("")), 25);

        var element = reader.Next(out var isNull);

        Assert.False(isNull);
        Assert.Equal(0, element.Length);
    }

    [Fact]
    public void Read_TwoDimensions_HasNoListForm()
    {
        var error = Assert.Throws<ValueNotRepresentableException>(() => new PostgresArrayReader(PgSend.Int4Matrix(), Int4Oid));

        Assert.Contains("2-dimensional array", error.Message);
    }

    [Fact]
    public void Read_LowerBoundOtherThanOne_HasNoListForm()
    {
        var field = PgSend.ArrayWithBounds(Int4Oid, 0, PgSend.Int4(1));

        var error = Assert.Throws<ValueNotRepresentableException>(() => new PostgresArrayReader(field, Int4Oid));

        Assert.Contains("starting at index 0", error.Message);
    }

    [Fact]
    public void Read_UnexpectedElementType_IsInvalidData() =>
        Assert.Throws<InvalidDataException>(() => new PostgresArrayReader(PgSend.Array(25, PgSend.Text("x")), Int4Oid));

    [Fact]
    public void Read_Truncated_IsInvalidData()
    {
        var field = PgSend.Array(Int4Oid, PgSend.Int4(1), PgSend.Int4(2))[..^2];

        Assert.Throws<InvalidDataException>(() =>
        {
            var reader = new PostgresArrayReader(field, Int4Oid);
            reader.Next(out _);
            reader.Next(out _);
        });
    }
}
