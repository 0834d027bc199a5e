namespace DataArchiver.Core.PostgresTypes;

/// <summary>
/// Prints binary <c>date</c>, <c>time</c>, <c>timestamp</c> and <c>timestamptz</c> values byte for byte as
/// <c>to_json</c> does (ISO 8601 with a <c>T</c>, the XSD style): years of at least four digits, fractional seconds
/// only when non-zero and without trailing zeros, <c>+00:00</c> for timestamptz (sessions run with TimeZone=UTC), years
/// before 1 AD as <c>… BC</c> (1 BC is year 0 of the proleptic Gregorian calendar), and <c>infinity</c> /
/// <c>-infinity</c>. The binary forms count days or microseconds from 2000-01-01.
/// </summary>
internal static class PostgresDateTimeText
{
    /// <summary>Enough room for any value: a seven-digit year, time, six fractional digits, offset and " BC".</summary>
    public const int MaxLength = 48;

    private const long MicrosPerDay = 86_400_000_000L;
    private const long MicrosPerSecond = 1_000_000L;

    /// <summary>Days from 0000-03-01 (proleptic Gregorian) to 2000-01-01, for the civil-date arithmetic.</summary>
    private const long DaysFromCivilOriginTo2000 = 730_425;

    /// <summary>A date given as days since 2000-01-01; returns the byte count.</summary>
    public static int FormatDate(int days, Span<byte> destination)
    {
        if (days == int.MaxValue)
            return Copy("infinity"u8, destination);
        if (days == int.MinValue)
            return Copy("-infinity"u8, destination);
        var at = WriteDate(days, destination, out var year);
        return at + WriteEra(year, destination[at..]);
    }

    /// <summary>A time of day given as microseconds since midnight (up to 24:00:00); returns the byte count.</summary>
    public static int FormatTime(long micros, Span<byte> destination) => WriteTime(micros, destination);

    /// <summary>
    /// A timestamp given as microseconds since 2000-01-01 (UTC for timestamptz, which gets a <c>+00:00</c> offset);
    /// returns the byte count.
    /// </summary>
    public static int FormatTimestamp(long micros, bool withOffset, Span<byte> destination)
    {
        if (micros == long.MaxValue)
            return Copy("infinity"u8, destination);
        if (micros == long.MinValue)
            return Copy("-infinity"u8, destination);
        var days = Math.DivRem(micros, MicrosPerDay, out var time);
        if (time < 0)
        {
            time += MicrosPerDay;
            days--;
        }
        var at = WriteDate(days, destination, out var year);
        destination[at++] = (byte)'T';
        at += WriteTime(time, destination[at..]);
        if (withOffset)
            at += Copy("+00:00"u8, destination[at..]);
        return at + WriteEra(year, destination[at..]);
    }

    /// <summary>
    /// Writes YYYY-MM-DD (the year as PostgreSQL shows it: 1 BC is 0001) and returns the byte count, with the
    /// astronomical year in <paramref name="year"/>.
    /// </summary>
    private static int WriteDate(long daysSince2000, Span<byte> destination, out long year)
    {
        // Civil date from a day count (proleptic Gregorian), counted in 400-year eras from 0000-03-01.
        var z = daysSince2000 + DaysFromCivilOriginTo2000;
        var era = (z >= 0 ? z : z - 146_096) / 146_097;
        var dayOfEra = (int)(z - era * 146_097);
        var yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        var dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        var monthFromMarch = (5 * dayOfYear + 2) / 153;
        var day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1;
        var month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);

        var shown = year > 0 ? year : 1 - year;
        int at;
        if (shown <= 9999)
        {
            WriteTwoDigits((int)shown / 100, destination);
            WriteTwoDigits((int)shown % 100, destination[2..]);
            at = 4;
        }
        else
        {
            at = WriteNumber(shown, destination);
        }
        destination[at] = (byte)'-';
        WriteTwoDigits(month, destination[(at + 1)..]);
        destination[at + 3] = (byte)'-';
        WriteTwoDigits(day, destination[(at + 4)..]);
        return at + 6;
    }

    private static int WriteTime(long micros, Span<byte> destination)
    {
        // At most 24:00:00, so the second of the day and the fraction fit an int.
        var second = (int)(micros / MicrosPerSecond);
        var fraction = (int)(micros % MicrosPerSecond);
        WriteTwoDigits(second / 3600, destination);
        destination[2] = (byte)':';
        WriteTwoDigits(second / 60 % 60, destination[3..]);
        destination[5] = (byte)':';
        WriteTwoDigits(second % 60, destination[6..]);
        if (fraction == 0)
            return 8;
        destination[8] = (byte)'.';
        var digits = destination.Slice(9, 6);
        for (var i = 5; i >= 0; i--, fraction /= 10)
            digits[i] = (byte)('0' + fraction % 10);
        var length = 6;
        while (digits[length - 1] == '0')
            length--;
        return 9 + length;
    }

    private static int WriteEra(long year, Span<byte> destination) => year > 0 ? 0 : Copy(" BC"u8, destination);

    private static void WriteTwoDigits(int value, Span<byte> destination)
    {
        destination[1] = (byte)('0' + value % 10);
        destination[0] = (byte)('0' + value / 10);
    }

    /// <summary>Writes a positive number of any length.</summary>
    private static int WriteNumber(long value, Span<byte> destination)
    {
        var length = 1;
        for (var rest = value / 10; rest > 0; rest /= 10)
            length++;
        for (var i = length - 1; i >= 0; i--, value /= 10)
            destination[i] = (byte)('0' + value % 10);
        return length;
    }

    private static int Copy(ReadOnlySpan<byte> text, Span<byte> destination)
    {
        text.CopyTo(destination);
        return text.Length;
    }
}
