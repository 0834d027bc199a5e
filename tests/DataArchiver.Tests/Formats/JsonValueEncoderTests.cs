using System.Buffers.Binary;
using DataArchiver.Core.Formats.Json;
using DataArchiver.Core.PostgresTypes;

namespace DataArchiver.Tests.Formats;

public sealed class JsonValueEncoderTests
{
    [Fact]
    public void Write_Bool_Literal()
    {
        Assert.Equal("true", JsonCapture.Value(WireType.Bool, PgSend.Bool(true)));
        Assert.Equal("false", JsonCapture.Value(WireType.Bool, PgSend.Bool(false)));
    }

    [Fact]
    public void Write_Integers_Digits()
    {
        Assert.Equal("-32768", JsonCapture.Value(WireType.Int2, PgSend.Int2(short.MinValue)));
        Assert.Equal("2147483647", JsonCapture.Value(WireType.Int4, PgSend.Int4(int.MaxValue)));
        Assert.Equal("-9223372036854775808", JsonCapture.Value(WireType.Int8, PgSend.Int8(long.MinValue)));
        Assert.Equal("9223372036854775807", JsonCapture.Value(WireType.Int8, PgSend.Int8(long.MaxValue)));
    }

    [Theory]
    [InlineData(double.NaN, "\"NaN\"")]
    [InlineData(double.PositiveInfinity, "\"Infinity\"")]
    [InlineData(double.NegativeInfinity, "\"-Infinity\"")]
    [InlineData(-0.0, "-0")]
    [InlineData(1e308, "1e+308")]
    [InlineData(0.1, "0.1")]
    public void Write_Float8_NumberOrQuotedSpecial(double value, string expected) =>
        Assert.Equal(expected, JsonCapture.Value(WireType.Float8, PgSend.Float8(value)));

    [Theory]
    [InlineData(float.NaN, "\"NaN\"")]
    [InlineData(float.NegativeInfinity, "\"-Infinity\"")]
    [InlineData(1e-45f, "1e-45")]
    [InlineData(0.1f, "0.1")]
    public void Write_Float4_NumberOrQuotedSpecial(float value, string expected)
    {
        var field = new byte[4];
        BinaryPrimitives.WriteSingleBigEndian(field, value);

        Assert.Equal(expected, JsonCapture.Value(WireType.Float4, field));
    }

    [Theory]
    [InlineData("-12.50", "-12.50")]
    [InlineData("NaN", "\"NaN\"")]
    [InlineData("-Infinity", "\"-Infinity\"")]
    public void Write_Numeric_DigitsOrQuotedSpecial(string text, string expected) =>
        Assert.Equal(expected, JsonCapture.Value(WireType.Numeric, PgSend.Numeric(text)));

    [Fact]
    public void Write_Uuid_QuotedLowerCase() =>
        Assert.Equal("\"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11\"",
            JsonCapture.Value(WireType.Uuid, Guid.Parse("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11").ToByteArray(bigEndian: true)));

    [Fact]
    public void Write_Bytea_QuotedHexWithEscapedBackslash()
    {
        Assert.Equal("\"\\\\x00ff10\"", JsonCapture.Value(WireType.Bytea, [0x00, 0xFF, 0x10]));
        Assert.Equal("\"\\\\x\"", JsonCapture.Value(WireType.Bytea, []));
        var large = Enumerable.Range(0, 50_000).Select(i => (byte)i).ToArray();
        Assert.Equal("\"\\\\x" + Convert.ToHexStringLower(large) + "\"", JsonCapture.Value(WireType.Bytea, large));
    }

    [Fact]
    public void Write_JsonAndServerJson_LineBreaksBecomeSpaces()
    {
        Assert.Equal("{ \"k\" :   1 }", JsonCapture.Value(WireType.Json, PgSend.Text("{ \"k\" :\r\n 1 }")));
    }

    [Fact]
    public void Write_Jsonb_TextAfterTheVersionByte()
    {
        Assert.Equal("{\"a\": [1, null]}", JsonCapture.Value(WireType.Jsonb, PgSend.Jsonb("{\"a\": [1, null]}")));
        Assert.Throws<InvalidDataException>(() => JsonCapture.Value(WireType.Jsonb, [2, (byte)'1']));
    }

    [Fact]
    public void Write_DateAndTimestamps_Quoted()
    {
        Assert.Equal("\"2024-01-01\"", JsonCapture.Value(WireType.Date, PgSend.Date(new DateOnly(2024, 1, 1))));
        Assert.Equal("\"2024-01-01T10:00:00.25+00:00\"",
            JsonCapture.Value(WireType.TimestampTz, PgSend.Timestamp(new DateTime(2024, 1, 1, 10, 0, 0, 250, DateTimeKind.Unspecified))));
        Assert.Equal("\"infinity\"", JsonCapture.Value(WireType.Timestamp, PgSend.Int8(long.MaxValue)));
        Assert.Equal("\"24:00:00\"", JsonCapture.Value(WireType.Time, PgSend.Int8(86_400_000_000)));
    }

    [Fact]
    public void Write_FixedSizeValueOfWrongLength_IsInvalidData()
    {
        Assert.Throws<InvalidDataException>(() => JsonCapture.Value(WireType.Int8, PgSend.Int4(1)));
        Assert.Throws<InvalidDataException>(() => JsonCapture.Value(WireType.Uuid, new byte[15]));
    }
}
