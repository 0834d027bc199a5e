using System.Buffers.Binary;
using System.Text;

namespace DataArchiver.Tests.Formats;

/// <summary>Builds PostgreSQL binary send formats by hand, so the decoders can be tested without a server.</summary>
internal static class PgSend
{
    public static byte[] Bool(bool value) => [value ? (byte)1 : (byte)0];

    public static byte[] Int2(short value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteInt16BigEndian(bytes, value);
        return bytes;
    }

    public static byte[] Int4(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }

    public static byte[] Int8(long value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        return bytes;
    }

    public static byte[] Float8(double value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteDoubleBigEndian(bytes, value);
        return bytes;
    }

    public static byte[] Text(string value) => Encoding.UTF8.GetBytes(value);

    public static byte[] Jsonb(string value) => [1, .. Encoding.UTF8.GetBytes(value)];

    /// <summary>A date as days since 2000-01-01.</summary>
    public static byte[] Date(DateOnly value) => Int4(value.DayNumber - new DateOnly(2000, 1, 1).DayNumber);

    /// <summary>A timestamp as microseconds since 2000-01-01.</summary>
    public static byte[] Timestamp(DateTime value) => Int8((value - new DateTime(2000, 1, 1)).Ticks / 10);

    /// <summary>numeric from its decimal text (or NaN, Infinity, -Infinity): base-10,000 digits, weight, sign, display scale.</summary>
    public static byte[] Numeric(string text)
    {
        var special = text switch { "NaN" => 0xC000, "Infinity" => 0xD000, "-Infinity" => 0xF000, _ => -1 };
        if (special >= 0)
            return NumericBytes([], 0, (ushort)special, 0);
        var negative = text.StartsWith('-');
        var unsigned = negative ? text[1..] : text;
        var point = unsigned.IndexOf('.');
        var integer = point < 0 ? unsigned : unsigned[..point];
        var fraction = point < 0 ? "" : unsigned[(point + 1)..];
        var integerPadded = integer.PadLeft((integer.Length + 3) / 4 * 4, '0');
        var fractionPadded = fraction.PadRight((fraction.Length + 3) / 4 * 4, '0');
        var all = integerPadded + fractionPadded;
        var digits = Enumerable.Range(0, all.Length / 4).Select(i => short.Parse(all.AsSpan(4 * i, 4), provider: null)).ToList();
        var weight = integerPadded.Length / 4 - 1;
        while (digits.Count > 0 && digits[0] == 0)
        {
            digits.RemoveAt(0);
            weight--;
        }
        while (digits.Count > 0 && digits[^1] == 0)
            digits.RemoveAt(digits.Count - 1);
        if (digits.Count == 0)
            weight = 0;
        return NumericBytes(digits, (short)weight, negative && digits.Count > 0 ? (ushort)0x4000 : (ushort)0, (short)fraction.Length);
    }

    /// <summary>A one-dimensional array (lower bound 1) of <paramref name="elementOid"/>; a null element is SQL NULL.</summary>
    public static byte[] Array(uint elementOid, params byte[]?[] elements) => ArrayWithBounds(elementOid, 1, elements);

    public static byte[] ArrayWithBounds(uint elementOid, int lowerBound, params byte[]?[] elements)
    {
        using var buffer = new MemoryStream();
        var dimensions = elements.Length == 0 ? 0 : 1;
        Write(buffer, Int4(dimensions));
        Write(buffer, Int4(elements.Any(e => e is null) ? 1 : 0));
        Write(buffer, Int4((int)elementOid));
        if (dimensions == 1)
        {
            Write(buffer, Int4(elements.Length));
            Write(buffer, Int4(lowerBound));
        }
        foreach (var element in elements)
        {
            Write(buffer, Int4(element?.Length ?? -1));
            if (element is not null)
                Write(buffer, element);
        }
        return buffer.ToArray();
    }

    /// <summary>A two-dimensional 2×2 int4 array.</summary>
    public static byte[] Int4Matrix()
    {
        using var buffer = new MemoryStream();
        foreach (var word in new[] { 2, 0, 23, 2, 1, 2, 1 })
            Write(buffer, Int4(word));
        foreach (var value in new[] { 1, 2, 3, 4 })
        {
            Write(buffer, Int4(4));
            Write(buffer, Int4(value));
        }
        return buffer.ToArray();
    }

    private static byte[] NumericBytes(List<short> digits, short weight, ushort sign, short scale)
    {
        var bytes = new byte[8 + 2 * digits.Count];
        BinaryPrimitives.WriteInt16BigEndian(bytes, (short)digits.Count);
        BinaryPrimitives.WriteInt16BigEndian(bytes.AsSpan(2), weight);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(4), sign);
        BinaryPrimitives.WriteInt16BigEndian(bytes.AsSpan(6), scale);
        for (var i = 0; i < digits.Count; i++)
            BinaryPrimitives.WriteInt16BigEndian(bytes.AsSpan(8 + 2 * i), digits[i]);
        return bytes;
    }

    private static void Write(Stream stream, byte[] bytes) => stream.Write(bytes);
}
