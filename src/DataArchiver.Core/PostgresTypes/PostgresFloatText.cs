namespace DataArchiver.Core.PostgresTypes;

/// <summary>
/// Prints finite <c>float4</c> and <c>float8</c> values byte for byte as PostgreSQL does (since version 12, with
/// <c>extra_float_digits</c> above 0): the <see cref="ShortestDecimal"/> digits, in positional notation when the decimal
/// exponent lies in [-4, 6) for <c>float4</c> or [-4, 15) for <c>float8</c>, else as <c>d.ddde±XX</c> with at least
/// two exponent digits; zero as <c>0</c> or <c>-0</c>.
/// </summary>
internal static class PostgresFloatText
{
    /// <summary>Enough room for any finite value: 17 digits, sign, point, up to 15 padding zeros or an exponent.</summary>
    public const int MaxLength = 32;

    /// <summary>Writes finite <paramref name="value"/> as <c>float8out</c> prints it; returns the byte count.</summary>
    public static int FormatDouble(double value, Span<byte> destination)
    {
        if (value == 0)
            return Zero(double.IsNegative(value), destination);
        var digits = ShortestDecimal.Of(value, out var exponent);
        return Write(double.IsNegative(value), digits, exponent, fixedBelowExponent: 15, destination);
    }

    /// <summary>Writes finite <paramref name="value"/> as <c>float4out</c> prints it; returns the byte count.</summary>
    public static int FormatSingle(float value, Span<byte> destination)
    {
        if (value == 0)
            return Zero(float.IsNegative(value), destination);
        var digits = ShortestDecimal.Of(value, out var exponent);
        return Write(float.IsNegative(value), digits, exponent, fixedBelowExponent: 6, destination);
    }

    private static int Zero(bool negative, Span<byte> destination)
    {
        var at = 0;
        if (negative)
            destination[at++] = (byte)'-';
        destination[at++] = (byte)'0';
        return at;
    }

    /// <summary>Lays out <paramref name="value"/>·10^<paramref name="exponent"/>.</summary>
    private static int Write(bool negative, ulong value, int exponent, int fixedBelowExponent, Span<byte> destination)
    {
        while (value % 10 == 0)
        {
            value /= 10;
            exponent++;
        }
        Span<byte> digits = stackalloc byte[20];
        var count = 0;
        for (var rest = value; rest > 0; rest /= 10)
            digits[^++count] = (byte)('0' + rest % 10);
        digits = digits[^count..];
        // The decimal exponent of the first digit decides the notation.
        var leading = exponent + count - 1;

        var at = 0;
        if (negative)
            destination[at++] = (byte)'-';
        if (leading >= -4 && leading < fixedBelowExponent)
        {
            if (leading < 0)
            {
                destination[at++] = (byte)'0';
                destination[at++] = (byte)'.';
                at += Fill(destination[at..], -leading - 1);
                return at + Copy(digits, destination[at..]);
            }
            if (exponent >= 0)
            {
                at += Copy(digits, destination[at..]);
                return at + Fill(destination[at..], exponent);
            }
            at += Copy(digits[..(leading + 1)], destination[at..]);
            destination[at++] = (byte)'.';
            return at + Copy(digits[(leading + 1)..], destination[at..]);
        }

        destination[at++] = digits[0];
        if (count > 1)
        {
            destination[at++] = (byte)'.';
            at += Copy(digits[1..], destination[at..]);
        }
        destination[at++] = (byte)'e';
        destination[at++] = leading < 0 ? (byte)'-' : (byte)'+';
        var magnitude = Math.Abs(leading);
        if (magnitude >= 100)
            destination[at++] = (byte)('0' + magnitude / 100);
        destination[at++] = (byte)('0' + magnitude / 10 % 10);
        destination[at++] = (byte)('0' + magnitude % 10);
        return at;
    }

    private static int Fill(Span<byte> destination, int zeros)
    {
        destination[..zeros].Fill((byte)'0');
        return zeros;
    }

    private static int Copy(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        source.CopyTo(destination);
        return source.Length;
    }
}
