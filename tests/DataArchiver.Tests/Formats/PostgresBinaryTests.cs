using DataArchiver.Core.Formats.Parquet;
using DataArchiver.Core.PostgresTypes;

namespace DataArchiver.Tests.Formats;

public sealed class PostgresBinaryTests
{
    [Theory]
    [InlineData("0", 10, 2, "0")]
    [InlineData("12.50", 10, 2, "1250")]
    [InlineData("-12.5", 10, 2, "-1250")]
    [InlineData("0.0001", 10, 4, "1")]
    [InlineData("-0.01", 4, 2, "-1")]
    [InlineData("99999999.99", 10, 2, "9999999999")]
    [InlineData("999.9", 4, 1, "9999")]
    [InlineData("10000", 5, 0, "10000")]
    [InlineData("12345678901234567890", 20, 0, "12345678901234567890")]
    [InlineData("0.00000001", 38, 8, "1")]
    [InlineData("1234567890123456789012345678.1234567890", 38, 10, "12345678901234567890123456781234567890")]
    [InlineData("9999999999999999999999999999.9999999999", 38, 10, "99999999999999999999999999999999999999")]
    [InlineData("-9999999999999999999999999999.9999999999", 38, 10, "-99999999999999999999999999999999999999")]
    [InlineData("99999999999999999999999999999999999999", 38, 0, "99999999999999999999999999999999999999")]
    public void ReadDecimal_ValueWithinPrecision_IsTheExactUnscaledInteger(string text, int precision, int scale, string unscaled) =>
        Assert.Equal(Int128.Parse(unscaled, System.Globalization.CultureInfo.InvariantCulture), PostgresBinary.ReadDecimal(PgSend.Numeric(text), precision, scale));

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    public void ReadDecimal_SpecialValue_ThrowsNamingIt(string text)
    {
        var error = Assert.Throws<ValueNotRepresentableException>(() => PostgresBinary.ReadDecimal(PgSend.Numeric(text), 12, 2));

        Assert.Contains($"numeric {text} has no DECIMAL(12,2) representation", error.Message);
    }

    [Theory]
    [InlineData("100000", 5, 0, "integer digits")]
    [InlineData("1000.5", 4, 1, "integer digits")]
    [InlineData("-99999.9", 5, 1, "integer digits")]
    [InlineData("1.005", 5, 2, "fractional digits")]
    [InlineData("0.00001", 38, 4, "fractional digits")]
    [InlineData("99999999999999999999999999999", 38, 10, "integer digits")]
    [InlineData("1e40", 38, 0, "integer digits")]
    public void ReadDecimal_ValueThatDoesNotFit_Throws(string text, int precision, int scale, string reason)
    {
        var value = text == "1e40" ? PgSend.Numeric("1" + new string('0', 40)) : PgSend.Numeric(text);

        var error = Assert.Throws<ValueNotRepresentableException>(() => PostgresBinary.ReadDecimal(value, precision, scale));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void ReadDecimal_TruncatedField_IsInvalidData() =>
        Assert.Throws<InvalidDataException>(() => PostgresBinary.ReadDecimal(PgSend.Numeric("12.5").AsSpan(..^1), 10, 2));

    [Theory]
    [InlineData(2000, 1, 1, 10_957)]
    [InlineData(1970, 1, 1, 0)]
    [InlineData(1969, 12, 31, -1)]
    [InlineData(1, 1, 1, -719_162)]
    public void ReadDate_FiniteDate_IsDaysSinceTheUnixEpoch(int year, int month, int day, int expected) =>
        Assert.Equal(expected, ParquetTemporal.ReadDate(PgSend.Date(new DateOnly(year, month, day))));

    [Fact]
    public void ReadDate_Infinity_IsTheLargestMagnitudeEitherWay()
    {
        Assert.Equal(int.MaxValue, ParquetTemporal.ReadDate(PgSend.Int4(int.MaxValue)));
        Assert.Equal(-int.MaxValue, ParquetTemporal.ReadDate(PgSend.Int4(int.MinValue)));
    }

    [Fact]
    public void ReadTimestamp_FiniteValue_IsMicrosecondsSinceTheUnixEpoch()
    {
        Assert.Equal(0, ParquetTemporal.ReadTimestamp(PgSend.Timestamp(new DateTime(1970, 1, 1))));
        Assert.Equal(946_684_800_000_001, ParquetTemporal.ReadTimestamp(PgSend.Timestamp(new DateTime(2000, 1, 1).AddTicks(10))));
        Assert.Equal(-1, ParquetTemporal.ReadTimestamp(PgSend.Timestamp(new DateTime(1970, 1, 1).AddTicks(-10))));
    }

    [Fact]
    public void ReadTimestamp_Infinity_IsTheLargestMagnitudeEitherWay()
    {
        Assert.Equal(long.MaxValue, ParquetTemporal.ReadTimestamp(PgSend.Int8(long.MaxValue)));
        Assert.Equal(-long.MaxValue, ParquetTemporal.ReadTimestamp(PgSend.Int8(long.MinValue)));
    }

    [Fact]
    public void ReadTimestamp_AtTheEdgeOfTheMicrosecondRange_LastValueFitsNextThrows()
    {
        var last = long.MaxValue - ParquetTemporal.EpochShiftMicros - 1;

        Assert.Equal(long.MaxValue - 1, ParquetTemporal.ReadTimestamp(PgSend.Int8(last)));
        var error = Assert.Throws<ValueNotRepresentableException>(() => ParquetTemporal.ReadTimestamp(PgSend.Int8(last + 1)));
        Assert.Contains("beyond the largest Parquet TIMESTAMP(micros) value", error.Message);
    }

    [Theory]
    [InlineData(-0.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(double.Epsilon)]
    [InlineData(0.1)]
    public void ReadDouble_AnyValue_KeepsEveryBit(double value) =>
        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(PostgresBinary.ReadDouble(PgSend.Float8(value))));

    [Fact]
    public void ReadInt16_MinAndMax_AreWidenedUnchanged()
    {
        Assert.Equal(short.MinValue, PostgresBinary.ReadInt16(PgSend.Int2(short.MinValue)));
        Assert.Equal(short.MaxValue, PostgresBinary.ReadInt16(PgSend.Int2(short.MaxValue)));
    }

    [Fact]
    public void ReadInt64_WrongLength_IsInvalidData() =>
        Assert.Throws<InvalidDataException>(() => PostgresBinary.ReadInt64(PgSend.Int4(1)));
}
