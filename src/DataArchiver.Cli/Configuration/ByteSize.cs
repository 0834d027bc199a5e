using System.Globalization;

namespace DataArchiver.Cli.Configuration;

/// <summary>
/// Reads sizes such as <c>104857600</c>, <c>100MiB</c> or <c>64 KB</c>. Binary units (KiB, MiB, GiB, TiB) are powers
/// of 1024, decimal units (KB, MB, GB, TB) powers of 1000, as their names say; <c>B</c> or no unit means bytes.
/// Units are case-insensitive; the number is a whole, non-negative integer.
/// </summary>
internal static class ByteSize
{
    private static readonly (string Unit, long Factor)[] Units =
    [
        ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30), ("TiB", 1L << 40),
        ("KB", 1_000L), ("MB", 1_000_000L), ("GB", 1_000_000_000L), ("TB", 1_000_000_000_000L),
        ("B", 1L),
    ];

    /// <summary>Parses <paramref name="text"/>; <c>false</c> for anything that is not a whole number with an optional known unit, or overflows.</summary>
    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var span = text.AsSpan().Trim();
        long factor = 1;
        foreach (var (unit, unitFactor) in Units)
        {
            if (span.EndsWith(unit, StringComparison.OrdinalIgnoreCase))
            {
                span = span[..^unit.Length].TrimEnd();
                factor = unitFactor;
                break;
            }
        }
        if (span.IsEmpty || span.ContainsAnyExceptInRange('0', '9'))
            return false;
        if (!long.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return false;
        try
        {
            bytes = checked(number * factor);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>A short form for messages: the largest binary unit that divides the value exactly.</summary>
    public static string Format(long bytes)
    {
        foreach (var (unit, factor) in new[] { ("TiB", 1L << 40), ("GiB", 1L << 30), ("MiB", 1L << 20), ("KiB", 1L << 10) })
        {
            if (bytes != 0 && bytes % factor == 0)
                return (bytes / factor).ToString(CultureInfo.InvariantCulture) + unit;
        }
        return bytes.ToString(CultureInfo.InvariantCulture);
    }
}
