using System.Buffers.Binary;
using System.Text;

namespace DataArchiver.Core.PostgresTypes;

/// <summary>
/// Encodes values into PostgreSQL's binary send formats, as binary <c>COPY … FROM</c> takes them: the inverse of
/// <see cref="PostgresBinary"/> for every <see cref="WireType"/>. Each method writes into <c>destination</c> and returns
/// the byte count; dates count days and timestamps microseconds from 2000-01-01.
/// </summary>
public static class PostgresBinaryWriter
{
    /// <summary>The most bytes <see cref="WriteNumeric"/> needs for text of <paramref name="length"/> characters.</summary>
    public static int NumericMaxBytes(int length) => 8 + 2 * (length / 4 + 3);

    /// <summary>bool.</summary>
    public static int WriteBool(bool value, Span<byte> destination)
    {
        destination[0] = value ? (byte)1 : (byte)0;
        return 1;
    }

    /// <summary>int2.</summary>
    public static int WriteInt16(short value, Span<byte> destination)
    {
        BinaryPrimitives.WriteInt16BigEndian(destination, value);
        return 2;
    }

    /// <summary>int4; also date (days since 2000-01-01, ±infinity as int.MaxValue / int.MinValue).</summary>
    public static int WriteInt32(int value, Span<byte> destination)
    {
        BinaryPrimitives.WriteInt32BigEndian(destination, value);
        return 4;
    }

    /// <summary>int8; also time, timestamp and timestamptz (microseconds).</summary>
    public static int WriteInt64(long value, Span<byte> destination)
    {
        BinaryPrimitives.WriteInt64BigEndian(destination, value);
        return 8;
    }

    /// <summary>float4, bit for bit.</summary>
    public static int WriteFloat(float value, Span<byte> destination)
    {
        BinaryPrimitives.WriteSingleBigEndian(destination, value);
        return 4;
    }

    /// <summary>float8, bit for bit.</summary>
    public static int WriteDouble(double value, Span<byte> destination)
    {
        BinaryPrimitives.WriteDoubleBigEndian(destination, value);
        return 8;
    }

    /// <summary>text, varchar, char(n), name, json: the UTF-8 bytes.</summary>
    public static int WriteText(ReadOnlySpan<char> value, Span<byte> destination) => Encoding.UTF8.GetBytes(value, destination);

    /// <summary>jsonb: version 1, then the UTF-8 text.</summary>
    public static int WriteJsonb(ReadOnlySpan<char> value, Span<byte> destination)
    {
        destination[0] = 1;
        return 1 + Encoding.UTF8.GetBytes(value, destination[1..]);
    }

    /// <summary>uuid: the 16 bytes in the order of the text form.</summary>
    public static int WriteUuid(Guid value, Span<byte> destination)
    {
        if (!value.TryWriteBytes(destination, bigEndian: true, out var written) || written != 16)
            throw new ArgumentException("a uuid needs 16 bytes of room", nameof(destination));
        return 16;
    }

    /// <summary>
    /// numeric from its text as <c>numeric_out</c> prints it (<c>-12.340</c>, <c>NaN</c>, <c>Infinity</c>,
    /// <c>-Infinity</c>); the display scale is the number of fractional digits. Anything else is
    /// <see cref="FormatException"/>.
    /// </summary>
    public static int WriteNumeric(ReadOnlySpan<char> text, Span<byte> destination)
    {
        if (text is "NaN" or "Infinity" or "-Infinity")
            return Header(destination, 0, 0, text is "NaN" ? (ushort)0xC000 : text[0] == '-' ? (ushort)0xF000 : (ushort)0xD000, 0);
        var negative = !text.IsEmpty && text[0] == '-';
        var unsigned = negative ? text[1..] : text;
        var point = unsigned.IndexOf('.');
        var integer = point < 0 ? unsigned : unsigned[..point];
        var fraction = point < 0 ? [] : unsigned[(point + 1)..];
        if (integer.IsEmpty || (point >= 0 && fraction.IsEmpty) || !AllDigits(integer) || !AllDigits(fraction))
            throw new FormatException($"\"{text}\" is not a numeric's text");
        // Base-10,000 digits aligned on the point: the integer part padded on the left, the fraction on the right.
        var integerGroups = (integer.Length + 3) / 4;
        var fractionGroups = (fraction.Length + 3) / 4;
        Span<short> groups = new short[integerGroups + fractionGroups];
        for (var g = 0; g < integerGroups; g++)
            groups[g] = Group(integer, integer.Length - 4 * (integerGroups - g), 4);
        for (var g = 0; g < fractionGroups; g++)
            groups[integerGroups + g] = Group(fraction, 4 * g, 4);
        var first = 0;
        while (first < groups.Length && groups[first] == 0)
            first++;
        var last = groups.Length - 1;
        while (last >= first && groups[last] == 0)
            last--;
        var count = Math.Max(0, last - first + 1);
        var weight = count == 0 ? 0 : integerGroups - 1 - first;
        var at = Header(destination, count, weight, negative && count > 0 ? (ushort)0x4000 : (ushort)0, fraction.Length);
        for (var g = first; g <= last; g++)
        {
            BinaryPrimitives.WriteInt16BigEndian(destination[at..], groups[g]);
            at += 2;
        }
        return at;
    }

    private static int Header(Span<byte> destination, int count, int weight, ushort sign, int scale)
    {
        BinaryPrimitives.WriteInt16BigEndian(destination, (short)count);
        BinaryPrimitives.WriteInt16BigEndian(destination[2..], (short)weight);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], sign);
        BinaryPrimitives.WriteInt16BigEndian(destination[6..], (short)scale);
        return 8;
    }

    /// <summary>Four decimal digits starting at <paramref name="start"/> (positions outside the text count as 0).</summary>
    private static short Group(ReadOnlySpan<char> digits, int start, int width)
    {
        var value = 0;
        for (var i = start; i < start + width; i++)
            value = value * 10 + (i >= 0 && i < digits.Length ? digits[i] - '0' : 0);
        return (short)value;
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }
        return true;
    }
}
