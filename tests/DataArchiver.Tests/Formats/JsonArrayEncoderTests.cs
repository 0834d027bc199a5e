using System.Buffers.Binary;
using DataArchiver.Core.Formats.Json;
using DataArchiver.Core.PostgresTypes;

namespace DataArchiver.Tests.Formats;

public sealed class JsonArrayEncoderTests
{
    private const uint Int4 = 23;
    private const uint Text = 25;

    [Fact]
    public void Write_Empty_IsEmptyJsonArray() => Assert.Equal("[]", Encode(WireType.Int4, Int4, PgSend.Array(Int4)));

    [Fact]
    public void Write_OneDimensionWithNull_ElementsEncodedNullAsNull() =>
        Assert.Equal("[\"a\",null,\"\",\"\\\"q\\\"\"]",
            Encode(WireType.Text, Text, PgSend.Array(Text, PgSend.Text("a"), null, PgSend.Text(""), PgSend.Text("\"q\""))));

    [Fact]
    public void Write_LowerBoundOtherThanOne_Ignored() =>
        Assert.Equal("[7,8]", Encode(WireType.Int4, Int4, PgSend.ArrayWithBounds(Int4, -3, PgSend.Int4(7), PgSend.Int4(8))));

    [Fact]
    public void Write_TwoDimensions_NestedRowMajor() => Assert.Equal("[[1,2],[3,4]]", Encode(WireType.Int4, Int4, PgSend.Int4Matrix()));

    [Fact]
    public void Write_ThreeDimensions_NestedRowMajor()
    {
        // 2 × 1 × 3
        var elements = Enumerable.Range(1, 6).SelectMany(i => PgSend.Int4(4).Concat(PgSend.Int4(i)));
        var field = Header(Int4, (2, 1), (1, 1), (3, 1)).Concat(elements).ToArray();

        Assert.Equal("[[[1,2,3]],[[4,5,6]]]", Encode(WireType.Int4, Int4, field));
    }

    [Fact]
    public void Write_ElementsOfAnotherType_IsInvalidData() =>
        Assert.Throws<InvalidDataException>(() => Encode(WireType.Int4, Int4, PgSend.Array(Text, PgSend.Text("a"))));

    [Fact]
    public void Write_TruncatedElements_IsInvalidData() =>
        Assert.Throws<InvalidDataException>(() => Encode(WireType.Int4, Int4, PgSend.Array(Int4, PgSend.Int4(1), PgSend.Int4(2))[..^2]));

    [Fact]
    public void Write_BytesAfterTheLastElement_IsInvalidData() =>
        Assert.Throws<InvalidDataException>(() => Encode(WireType.Int4, Int4, [.. PgSend.Array(Int4, PgSend.Int4(1)), 0]));

    private static string Encode(WireType type, uint oid, byte[] field) =>
        JsonCapture.Of(output => JsonArrayEncoder.Write(output, type, oid, field));

    private static byte[] Header(uint elementOid, params (int Length, int LowerBound)[] dimensions)
    {
        var header = new byte[12 + 8 * dimensions.Length];
        BinaryPrimitives.WriteInt32BigEndian(header, dimensions.Length);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(8), elementOid);
        for (var d = 0; d < dimensions.Length; d++)
        {
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(12 + 8 * d), dimensions[d].Length);
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(16 + 8 * d), dimensions[d].LowerBound);
        }
        return header;
    }
}
