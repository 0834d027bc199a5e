using System.Globalization;
using System.Text.RegularExpressions;

namespace DataArchiver.Core.Planning;

/// <summary>Reads a single-column range bound on a date or timestamp column, as printed by <c>pg_get_expr</c> under <c>TimeZone=UTC</c>.</summary>
public static partial class PartitionBound
{
    [GeneratedRegex(@"^FOR VALUES FROM \('(?<from>[^']+)'\) TO \('(?<to>[^']+)'\)$", RegexOptions.CultureInvariant)]
    private static partial Regex RangeBound();

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFF", "yyyy-MM-dd HH:mm:sszz", "yyyy-MM-dd HH:mm:ss.FFFFFFzz",
    ];

    /// <summary>The [from, to) span of <paramref name="bound"/> in UTC, or <c>null</c> when it is not a date/timestamp range.</summary>
    public static (DateTime From, DateTime To)? TryParse(string? bound)
    {
        if (bound is null)
            return null;
        var match = RangeBound().Match(bound);
        if (!match.Success || !TryParseInstant(match.Groups["from"].Value, out var from) || !TryParseInstant(match.Groups["to"].Value, out var to))
            return null;
        return from < to ? (from, to) : null;
    }

    private static bool TryParseInstant(string text, out DateTime value) =>
        DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out value);
}
