using DataArchiver.Core.Formats.Parquet;
using DataArchiver.Core.PostgresTypes;

namespace DataArchiver.Tests.Formats;

public sealed class PostgresArrayTests
{
    private const uint Int4Oid = 23;

    [Fact]
    public void Read_OneDimensionalWithNull_YieldsElementsInOrder()
    {
        var field = PgSend.Array(Int4Oid, PgSend.Int4(7), null, PgSend.Int4(-1));

        var reader = new PostgresArray(field, Int4Oid);
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
        Assert.Equal(0, new PostgresArray(PgSend.Array(Int4Oid), Int4Oid).Count);

    [Fact]
    public void Read_EmptyStringElement_IsNotNull()
    {
        var reader = new PostgresArray(PgSend.Array(25, PgSend.Text("")), 25);

        var element = reader.Next(out var isNull);

        Assert.False(isNull);
        Assert.Equal(0, element.Length);
    }

    [Fact]
    public void Read_TwoDimensions_HeaderHasBothLengths()
    {
        var array = new PostgresArray(PgSend.Int4Matrix(), Int4Oid);

        Assert.Equal(2, array.Dimensions);
        Assert.Equal((2, 2), (array.Length(0), array.Length(1)));
        Assert.Equal(4, array.Count);
    }

    [Fact]
    public void Read_LowerBound_IsKept()
    {
        var array = new PostgresArray(PgSend.ArrayWithBounds(Int4Oid, 0, PgSend.Int4(1)), Int4Oid);

        Assert.Equal(0, array.LowerBound(0));
    }

    [Fact]
    public void Read_UnexpectedElementType_IsInvalidData() =>
        Assert.Throws<InvalidDataException>(() => new PostgresArray(PgSend.Array(25, PgSend.Text("x")), Int4Oid));

    [Fact]
    public void Read_Truncated_IsInvalidData()
    {
        var field = PgSend.Array(Int4Oid, PgSend.Int4(1), PgSend.Int4(2))[..^2];

        Assert.Throws<InvalidDataException>(() =>
        {
            var reader = new PostgresArray(field, Int4Oid);
            reader.Next(out _);
            reader.Next(out _);
        });
    }
}
