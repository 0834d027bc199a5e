using System.Buffers.Binary;

namespace DataArchiver.Core.PostgresTypes;

/// <summary>
/// Decodes PostgreSQL's binary send formats (the inverse of <see cref="PostgresBinaryWriter"/>). Everything is
/// big-endian; dates count days and timestamps microseconds from 2000-01-01, as on the wire.
/// </summary>
internal static class PostgresBinary
{
    /// <summary>The most decimal digits <see cref="ReadDecimal"/> decodes: what an <see cref="Int128"/> always holds.</summary>
    public const int MaxDecimalDigits = 38;

    private const ushort NumericPositive = 0x0000;
    private const ushort NumericNegative = 0x4000;
    private const ushort NumericNaN = 0xC000;
    private const ushort NumericPositiveInfinity = 0xD000;
    private const ushort NumericNegativeInfinity = 0xF000;

    private static readonly Int128[] PowersOfTen = BuildPowersOfTen();

    /// <summary>bool: one byte.</summary>
    public static bool ReadBoolean(ReadOnlySpan<byte> field) => Fixed(field, 1)[0] != 0;

    /// <summary>int2, widened for the INT32 physical type.</summary>
    public static int ReadInt16(ReadOnlySpan<byte> field) => BinaryPrimitives.ReadInt16BigEndian(Fixed(field, 2));

    /// <summary>int4.</summary>
    public static int ReadInt32(ReadOnlySpan<byte> field) => BinaryPrimitives.ReadInt32BigEndian(Fixed(field, 4));

    /// <summary>int8; also time (microseconds since midnight, up to and including 24:00:00).</summary>
    public static long ReadInt64(ReadOnlySpan<byte> field) => BinaryPrimitives.ReadInt64BigEndian(Fixed(field, 8));

    /// <summary>float4, bit for bit (NaN, ±Infinity and -0 included).</summary>
    public static float ReadFloat(ReadOnlySpan<byte> field) => BinaryPrimitives.ReadSingleBigEndian(Fixed(field, 4));

    /// <summary>float8, bit for bit.</summary>
    public static double ReadDouble(ReadOnlySpan<byte> field) => BinaryPrimitives.ReadDoubleBigEndian(Fixed(field, 8));

    /// <summary>
    /// numeric → the unscaled integer of DECIMAL(<paramref name="precision"/>, <paramref name="scale"/>), exactly.
    /// NaN, ±Infinity, more fractional digits than the scale or more digits than the precision throw.
    /// </summary>
    public static Int128 ReadDecimal(ReadOnlySpan<byte> field, int precision, int scale)
    {
        if (field.Length < 8)
            throw new InvalidDataException($"a binary numeric needs at least 8 bytes, got {field.Length}");
        var digitCount = BinaryPrimitives.ReadInt16BigEndian(field);
        var weight = BinaryPrimitives.ReadInt16BigEndian(field[2..]);
        var sign = BinaryPrimitives.ReadUInt16BigEndian(field[4..]);
        if (digitCount < 0 || field.Length != 8 + 2 * digitCount)
            throw new InvalidDataException($"a binary numeric with {digitCount} digits cannot be {field.Length} bytes long");
        switch (sign)
        {
            case NumericNaN:
                throw new ValueNotRepresentableException($"numeric NaN has no DECIMAL({precision},{scale}) representation");
            case NumericPositiveInfinity:
                throw new ValueNotRepresentableException($"numeric Infinity has no DECIMAL({precision},{scale}) representation");
            case NumericNegativeInfinity:
                throw new ValueNotRepresentableException($"numeric -Infinity has no DECIMAL({precision},{scale}) representation");
            case NumericPositive or NumericNegative:
                break;
            default:
                throw new InvalidDataException($"a binary numeric has the unknown sign 0x{sign:X4}");
        }

        // Digit i is a base-10,000 digit worth 10000^(weight - i); in units of 10^-scale that is 10^(4·(weight - i) + scale).
        Int128 unscaled = 0;
        for (var i = 0; i < digitCount; i++)
        {
            var digit = BinaryPrimitives.ReadInt16BigEndian(field[(8 + 2 * i)..]);
            if (digit is < 0 or > 9999)
                throw new InvalidDataException($"a binary numeric has the digit {digit}");
            if (digit == 0)
                continue;
            var exponent = 4 * (weight - i) + scale;
            if (exponent < 0)
            {
                if (exponent < -4 || digit % (int)PowersOfTen[-exponent] != 0)
                    throw new ValueNotRepresentableException($"a numeric has more than {scale} fractional digits, so it does not fit DECIMAL({precision},{scale})");
                unscaled += digit / (int)PowersOfTen[-exponent];
            }
            else
            {
                // digit·10^exponent < 10^precision for the leading digit bounds the whole sum below 10^precision, so
                // nothing can overflow.
                if (exponent >= precision || (precision - exponent < 4 && digit >= PowersOfTen[precision - exponent]))
                    throw TooWide(precision, scale);
                unscaled += digit * PowersOfTen[exponent];
            }
        }
        return sign == NumericNegative ? -unscaled : unscaled;
    }

    private static ValueNotRepresentableException TooWide(int precision, int scale) =>
        new($"a numeric has more than {precision - scale} integer digits, so it does not fit DECIMAL({precision},{scale})");

    private static ReadOnlySpan<byte> Fixed(ReadOnlySpan<byte> field, int length) => field.Length == length
        ? field
        : throw new InvalidDataException($"expected a {length}-byte binary value, got {field.Length} bytes");

    private static Int128[] BuildPowersOfTen()
    {
        var powers = new Int128[MaxDecimalDigits + 1];
        powers[0] = 1;
        for (var i = 1; i < powers.Length; i++)
            powers[i] = powers[i - 1] * 10;
        return powers;
    }
}
