using System.Text;
using DataArchiver.Core.PostgresTypes;
using DataArchiver.Tests.Formats;

namespace DataArchiver.Tests.PostgresTypes;

public sealed class PostgresBinaryWriterTests
{
    private readonly byte[] _buffer = new byte[256];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Bool_RoundTrips(bool value) => Assert.Equal(value, PostgresBinary.ReadBoolean(Encoded(PostgresBinaryWriter.WriteBool(value, _buffer))));

    [Theory]
    [InlineData(short.MinValue)]
    [InlineData((short)0)]
    [InlineData(short.MaxValue)]
    public void Int16_RoundTrips(short value) =>
        Assert.Equal(value, PostgresBinary.ReadInt16(Encoded(PostgresBinaryWriter.WriteInt16(value, _buffer))));

    [Theory]
    [InlineData(int.MinValue)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void Int32AndDate_RoundTrip(int value) =>
        Assert.Equal(value, PostgresBinary.ReadInt32(Encoded(PostgresBinaryWriter.WriteInt32(value, _buffer))));

    [Theory]
    [InlineData(long.MinValue)]
    [InlineData(86_400_000_000L)]
    [InlineData(long.MaxValue)]
    public void Int64AndTimes_RoundTrip(long value) =>
        Assert.Equal(value, PostgresBinary.ReadInt64(Encoded(PostgresBinaryWriter.WriteInt64(value, _buffer))));

    [Theory]
    [InlineData(0.1)]
    [InlineData(-0.0)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(double.Epsilon)]
    public void Floats_RoundTripBitForBit(double value)
    {
        var single = (float)value;
        Assert.Equal(BitConverter.DoubleToInt64Bits(value),
            BitConverter.DoubleToInt64Bits(PostgresBinary.ReadDouble(Encoded(PostgresBinaryWriter.WriteDouble(value, _buffer)))));
        Assert.Equal(BitConverter.SingleToInt32Bits(single),
            BitConverter.SingleToInt32Bits(PostgresBinary.ReadFloat(Encoded(PostgresBinaryWriter.WriteFloat(single, _buffer)))));
    }

    [Fact]
    public void TextJsonbAndUuid_AreTheSendFormats()
    {
        Assert.Equal(PgSend.Text("ü \"x\""), Encoded(PostgresBinaryWriter.WriteText("ü \"x\"", _buffer)));
        Assert.Equal(PgSend.Jsonb("{\"a\": 1}"), Encoded(PostgresBinaryWriter.WriteJsonb("{\"a\": 1}", _buffer)));
        var uuid = Guid.Parse("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        Assert.Equal(uuid.ToByteArray(bigEndian: true), Encoded(PostgresBinaryWriter.WriteUuid(uuid, _buffer)));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.000")]
    [InlineData("12.340")]
    [InlineData("-12345.678")]
    [InlineData("0.001")]
    [InlineData("10000")]
    [InlineData("-99999999999999999999.123456789")]
    [InlineData("100000000000000000000000000000000000000000")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    public void Numeric_RoundTripsThroughNumericOutText(string text)
    {
        var field = Encoded(PostgresBinaryWriter.WriteNumeric(text, _buffer));
        var printed = new byte[PostgresNumericText.MeasureMax(field)];

        Assert.Equal(PgSend.Numeric(text), field);
        Assert.Equal(text, Encoding.ASCII.GetString(printed, 0, PostgresNumericText.Format(field, printed)));
    }

    [Fact]
    public void Numeric_DecodesAsTheSameDecimal() =>
        Assert.Equal(-1234567, (long)PostgresBinary.ReadDecimal(Encoded(PostgresBinaryWriter.WriteNumeric("-12345.67", _buffer)), 12, 2));

    [Theory]
    [InlineData("")]
    [InlineData("1e5")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("--1")]
    public void Numeric_NotNumericText_IsFormatError(string text) =>
        Assert.Throws<FormatException>(() => PostgresBinaryWriter.WriteNumeric(text, _buffer));

    private byte[] Encoded(int length) => _buffer[..length];
}
