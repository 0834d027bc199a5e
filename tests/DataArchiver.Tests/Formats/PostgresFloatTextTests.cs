using System.Globalization;
using System.Numerics;
using System.Text;
using DataArchiver.Core.Formats.Json;
using DataArchiver.Core.PostgresTypes;

namespace DataArchiver.Tests.Formats;

public sealed class PostgresFloatTextTests
{
    // Expected texts as PostgreSQL 15 prints the values (float8out / float4out, extra_float_digits = 1).
    [Theory]
    [InlineData("0", "0")]
    [InlineData("-0", "-0")]
    [InlineData("1", "1")]
    [InlineData("-1", "-1")]
    [InlineData("0.1", "0.1")]
    [InlineData("1.5", "1.5")]
    [InlineData("100", "100")]
    [InlineData("1e15", "1e+15")]
    [InlineData("1e14", "100000000000000")]
    [InlineData("123456789012345", "123456789012345")]
    [InlineData("1234567890123456", "1.234567890123456e+15")]
    [InlineData("0.0001", "0.0001")]
    [InlineData("0.00001", "1e-05")]
    [InlineData("5e-324", "5e-324")]
    [InlineData("2.2250738585072014e-308", "2.2250738585072014e-308")]
    [InlineData("1.7976931348623157e308", "1.7976931348623157e+308")]
    [InlineData("1e308", "1e+308")]
    [InlineData("1e23", "9.999999999999999e+22")]
    [InlineData("9007199254740991", "9.007199254740991e+15")]
    [InlineData("9007199254740993", "9.007199254740992e+15")]
    [InlineData("30906865667042728", "3.0906865667042728e+16")]
    [InlineData("1e100", "1e+100")]
    [InlineData("1e-100", "1e-100")]
    [InlineData("123.456", "123.456")]
    [InlineData("-0.000123", "-0.000123")]
    [InlineData("3.141592653589793", "3.141592653589793")]
    public void FormatDouble_KnownValues_MatchPostgres(string input, string expected)
    {
        var value = double.Parse(input, CultureInfo.InvariantCulture);

        Assert.Equal(expected, Format(value));
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("-0", "-0")]
    [InlineData("0.1", "0.1")]
    [InlineData("123456", "123456")]
    [InlineData("1234567", "1.234567e+06")]
    [InlineData("1e6", "1e+06")]
    [InlineData("999999", "999999")]
    [InlineData("0.0001", "0.0001")]
    [InlineData("0.00001", "1e-05")]
    [InlineData("1.4e-45", "1e-45")]
    [InlineData("3.4028235e38", "3.4028235e+38")]
    [InlineData("1.17549435e-38", "1.1754944e-38")]
    [InlineData("16777216", "1.6777216e+07")]
    [InlineData("16777217", "1.6777216e+07")]
    [InlineData("51570112", "5.1570112e+07")]
    [InlineData("2.25", "2.25")]
    [InlineData("1e-38", "1e-38")]
    [InlineData("3.1415927", "3.1415927")]
    public void FormatSingle_KnownValues_MatchPostgres(string input, string expected)
    {
        var value = float.Parse(input, CultureInfo.InvariantCulture);

        Assert.Equal(expected, Format(value));
    }

    [Fact]
    public void FormatDouble_RandomValues_ShortestExceptExactMidpoints()
    {
        var random = new Random(12345);
        for (var n = 0; n < 300_000; n++)
        {
            var value = n % 2 == 0
                ? BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue))
                : Math.Round(random.NextDouble() * Math.Pow(10, random.Next(-8, 22)), random.Next(0, 8));
            if (!double.IsFinite(value) || value == 0)
                continue;
            var ours = Format(value);
            Assert.Equal(value, double.Parse(ours, CultureInfo.InvariantCulture));
            // .NET's shortest form differs only where it is exactly halfway to a neighbour, which PostgreSQL avoids.
            var shortest = value.ToString("R", CultureInfo.InvariantCulture);
            if (Exact(ours) != Exact(shortest))
            {
                var bits = BitConverter.DoubleToInt64Bits(Math.Abs(value));
                var (low, high) = (ExactOf(BitConverter.Int64BitsToDouble(bits - 1)), ExactOf(BitConverter.Int64BitsToDouble(bits + 1)));
                var exact = ExactOf(Math.Abs(value));
                var other = Exact(shortest.TrimStart('-'));
                Assert.True(other == (exact + low) / 2 || other == (exact + high) / 2, $"{value:R}: ours {ours}, shortest {shortest}");
            }
        }
    }

    [Fact]
    public void FormatSingle_RandomValues_RoundTrip()
    {
        var random = new Random(54321);
        for (var n = 0; n < 300_000; n++)
        {
            var value = BitConverter.Int32BitsToSingle(random.Next(int.MinValue, int.MaxValue));
            if (!float.IsFinite(value) || value == 0)
                continue;
            var ours = Format(value);
            Assert.Equal(value, float.Parse(ours, CultureInfo.InvariantCulture));
            Assert.True(ours.Replace("-", "").Replace(".", "").Split('e')[0].TrimStart('0').Length <= 9, ours);
        }
    }

    private static string Format(double value)
    {
        Span<byte> buffer = stackalloc byte[PostgresFloatText.MaxLength];
        return Encoding.ASCII.GetString(buffer[..PostgresFloatText.FormatDouble(value, buffer)]);
    }

    private static string Format(float value)
    {
        Span<byte> buffer = stackalloc byte[PostgresFloatText.MaxLength];
        return Encoding.ASCII.GetString(buffer[..PostgresFloatText.FormatSingle(value, buffer)]);
    }

    /// <summary>A decimal text as an exact fraction over 2^1100 · 10^400 (enough for every double and its halves).</summary>
    private static BigInteger Exact(string text)
    {
        var negative = text.StartsWith('-');
        var parts = text.TrimStart('-').ToLowerInvariant().Split('e');
        var exponent = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 0;
        var point = parts[0].IndexOf('.');
        var digits = parts[0].Replace(".", "");
        if (point >= 0)
            exponent -= parts[0].Length - point - 1;
        var value = BigInteger.Parse(digits, CultureInfo.InvariantCulture) * BigInteger.Pow(2, 1100) * BigInteger.Pow(10, 400 + exponent);
        return negative ? -value : value;
    }

    private static BigInteger ExactOf(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var biased = (int)(bits >> 52) & 0x7FF;
        var mantissa = bits & ((1L << 52) - 1);
        var (m, e) = biased == 0 ? (mantissa, -1074) : (mantissa | (1L << 52), biased - 1075);
        return m * BigInteger.Pow(10, 400) * BigInteger.Pow(2, 1100 + e);
    }
}
