using System.Globalization;
using System.Text.RegularExpressions;
using DataArchiver.Core.Configuration;

namespace DataArchiver.Core.Planning;

/// <summary>
/// Reads the period a partition covers from its name: <c>t_YYYYMMDD</c> and <c>t_pYYYYMMDD</c> are days,
/// <c>t_YYYY_MM</c> is the month starting on its first day. Anything else (wrong table prefix, wrong digit count,
/// an impossible date) has no date.
/// </summary>
public static partial class PartitionNameParser
{
    [GeneratedRegex(@"^p?(?<y>[0-9]{4})(?<m>[0-9]{2})(?<d>[0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex DailySuffix();

    [GeneratedRegex(@"^(?<y>[0-9]{4})_(?<m>[0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex MonthlySuffix();

    /// <summary>The period named by <paramref name="partition"/>, a partition of <paramref name="table"/>, or <c>null</c>.</summary>
    public static Period? TryParse(string table, string partition)
    {
        var prefix = table + "_";
        if (!partition.StartsWith(prefix, StringComparison.Ordinal))
            return null;
        var suffix = partition[prefix.Length..];

        var daily = DailySuffix().Match(suffix);
        if (daily.Success)
            return Build(OutputDuration.Daily, daily, day: int.Parse(daily.Groups["d"].ValueSpan, CultureInfo.InvariantCulture));

        var monthly = MonthlySuffix().Match(suffix);
        return monthly.Success ? Build(OutputDuration.Monthly, monthly, day: 1) : null;
    }

    private static Period? Build(OutputDuration duration, Match match, int day)
    {
        var year = int.Parse(match.Groups["y"].ValueSpan, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].ValueSpan, CultureInfo.InvariantCulture);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return null;
        return new Period(duration, new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc));
    }
}
