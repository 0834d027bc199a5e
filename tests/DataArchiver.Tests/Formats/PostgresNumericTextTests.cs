using System.Text;
using DataArchiver.Core.Formats.Json;
using DataArchiver.Core.PostgresTypes;

namespace DataArchiver.Tests.Formats;

public sealed class PostgresNumericTextTests
{
    [Theory]
    [InlineData("0", "0")]
    [InlineData("0.0000", "0.0000")]
    [InlineData("1", "1")]
    [InlineData("-0.01", "-0.01")]
    [InlineData("12.50", "12.50")]
    [InlineData("10000", "10000")]
    [InlineData("9999", "9999")]
    [InlineData("100000000", "100000000")]
    [InlineData("0.5", "0.5")]
    [InlineData("0.00001", "0.00001")]
    [InlineData("123456789012345678901234567890.123456789", "123456789012345678901234567890.123456789")]
    [InlineData("-0.000000000000000000000000000001", "-0.000000000000000000000000000001")]
    [InlineData("1.000000000000000000000000000000000000000001", "1.000000000000000000000000000000000000000001")]
    public void Format_FiniteValue_AsNumericOut(string text, string expected)
    {
        var field = PgSend.Numeric(text);

        Assert.True(PostgresNumericText.IsFinite(field));
        Assert.Equal(expected, Format(field));
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    public void Format_SpecialValue_ItsName(string text)
    {
        var field = PgSend.Numeric(text);

        Assert.False(PostgresNumericText.IsFinite(field));
        Assert.Equal(text, Format(field));
    }

    [Fact]
    public void Format_HundredThousandDigits_AllWritten()
    {
        var text = "1" + new string('0', 100_000) + ".5";

        Assert.Equal(text, Format(PgSend.Numeric(text)));
    }

    [Fact]
    public void MeasureMax_TruncatedField_IsInvalidData() =>
        Assert.Throws<InvalidDataException>(() => PostgresNumericText.MeasureMax(PgSend.Numeric("12.5").AsSpan(..^1)));

    [Fact]
    public void MeasureMax_UnknownSign_IsInvalidData()
    {
        var field = PgSend.Numeric("1");
        field[4] = 0x12;

        Assert.Throws<InvalidDataException>(() => PostgresNumericText.MeasureMax(field));
    }

    private static string Format(byte[] field)
    {
        var buffer = new byte[PostgresNumericText.MeasureMax(field)];
        return Encoding.ASCII.GetString(buffer, 0, PostgresNumericText.Format(field, buffer));
    }
}
