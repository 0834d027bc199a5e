using System.Buffers.Binary;

namespace DataArchiver.Core.PostgresTypes;

/// <summary>
/// Prints a binary <c>numeric</c> (<c>numeric_send</c>: digit count, weight, sign, display scale, then base-10,000
/// digits) byte for byte as <c>numeric_out</c> does: the integer digits without leading zeros (at least one), then
/// exactly display-scale fractional digits. NaN and ±Infinity have their own sign words.
/// </summary>
internal static class PostgresNumericText
{
    private const ushort Positive = 0x0000;
    private const ushort Negative = 0x4000;
    private const ushort NaN = 0xC000;
    private const ushort PositiveInfinity = 0xD000;
    private const ushort NegativeInfinity = 0xF000;

    /// <summary>Checks the header of <paramref name="field"/> and returns the most bytes its text can take.</summary>
    public static int MeasureMax(ReadOnlySpan<byte> field)
    {
        if (field.Length < 8)
            throw new InvalidDataException($"a binary numeric needs at least 8 bytes, got {field.Length}");
        var digitCount = BinaryPrimitives.ReadInt16BigEndian(field);
        var weight = BinaryPrimitives.ReadInt16BigEndian(field[2..]);
        var sign = BinaryPrimitives.ReadUInt16BigEndian(field[4..]);
        var scale = BinaryPrimitives.ReadInt16BigEndian(field[6..]);
        if (digitCount < 0 || field.Length != 8 + 2 * digitCount)
            throw new InvalidDataException($"a binary numeric with {digitCount} digits cannot be {field.Length} bytes long");
        if (sign is not (Positive or Negative or NaN or PositiveInfinity or NegativeInfinity))
            throw new InvalidDataException($"a binary numeric has the unknown sign 0x{sign:X4}");
        if (scale < 0)
            throw new InvalidDataException($"a binary numeric has the display scale {scale}");
        // Sign, integer digits (at least one), point, fractional digits rounded up to whole base-10,000 digits; at
        // least "-Infinity".
        return Math.Max(9, 1 + Math.Max(1, (weight + 1) * 4) + 1 + scale + 4);
    }

    /// <summary>Whether a numeric checked by <see cref="MeasureMax"/> is a number (not NaN or ±Infinity).</summary>
    public static bool IsFinite(ReadOnlySpan<byte> field) => BinaryPrimitives.ReadUInt16BigEndian(field[4..]) is Positive or Negative;

    /// <summary>
    /// Writes a numeric checked by <see cref="MeasureMax"/> into a span of that size and returns the byte count; NaN and
    /// ±Infinity are written as <c>NaN</c>, <c>Infinity</c> and <c>-Infinity</c>.
    /// </summary>
    public static int Format(ReadOnlySpan<byte> field, Span<byte> destination)
    {
        var digitCount = BinaryPrimitives.ReadInt16BigEndian(field);
        var weight = BinaryPrimitives.ReadInt16BigEndian(field[2..]);
        var sign = BinaryPrimitives.ReadUInt16BigEndian(field[4..]);
        var scale = BinaryPrimitives.ReadInt16BigEndian(field[6..]);
        var digits = field[8..];
        if (sign is not (Positive or Negative))
            return Copy(sign == NaN ? "NaN"u8 : sign == PositiveInfinity ? "Infinity"u8 : "-Infinity"u8, destination);
        var at = 0;
        if (sign == Negative)
            destination[at++] = (byte)'-';

        // Digit d is worth 10000^(weight - d); the integer part is digits 0..weight.
        int d;
        if (weight < 0)
        {
            destination[at++] = (byte)'0';
            d = weight + 1;
        }
        else
        {
            for (d = 0; d <= weight; d++)
            {
                var digit = Digit(digits, d, digitCount);
                if (d == 0)
                    at += WriteLeading(digit, destination[at..]);
                else
                    WriteFour(digit, destination[at..(at += 4)]);
            }
        }
        if (scale > 0)
        {
            destination[at++] = (byte)'.';
            var end = at + scale;
            // Whole base-10,000 digits first, then cut back to the display scale.
            for (var written = 0; written < scale; written += 4, d++)
                WriteFour(Digit(digits, d, digitCount), destination[at..(at += 4)]);
            at = end;
        }
        return at;
    }

    private static int Digit(ReadOnlySpan<byte> digits, int index, int digitCount)
    {
        if (index < 0 || index >= digitCount)
            return 0;
        var digit = BinaryPrimitives.ReadInt16BigEndian(digits[(2 * index)..]);
        return digit is >= 0 and <= 9999 ? digit : throw new InvalidDataException($"a binary numeric has the digit {digit}");
    }

    private static int WriteLeading(int digit, Span<byte> destination)
    {
        var length = digit >= 1000 ? 4 : digit >= 100 ? 3 : digit >= 10 ? 2 : 1;
        for (var i = length - 1; i >= 0; i--, digit /= 10)
            destination[i] = (byte)('0' + digit % 10);
        return length;
    }

    private static void WriteFour(int digit, Span<byte> destination)
    {
        destination[3] = (byte)('0' + digit % 10);
        destination[2] = (byte)('0' + digit / 10 % 10);
        destination[1] = (byte)('0' + digit / 100 % 10);
        destination[0] = (byte)('0' + digit / 1000);
    }

    private static int Copy(ReadOnlySpan<byte> text, Span<byte> destination)
    {
        text.CopyTo(destination);
        return text.Length;
    }
}
