using System.Globalization;

namespace DataArchiver.IntegrationTests.Windows;

/// <summary>
/// The tests' own idea of which output period an instant belongs to and how its object is named, written from the
/// documented naming rules (not the product's planner): hourly YYYY-MM-DD-HH, daily YYYY-MM-DD, weekly ISO
/// YYYY-Www (weeks start on Monday), monthly YYYY-MM, yearly YYYY; the folder renders {YYYY}/{MM} of the period start.
/// </summary>
public sealed record ExpectedPeriod(string Name, DateTime Start)
{
    public static ExpectedPeriod Of(string duration, DateTime at)
    {
        switch (duration)
        {
            case "hourly":
                return new(at.ToString("yyyy-MM-dd-HH", CultureInfo.InvariantCulture), new DateTime(at.Year, at.Month, at.Day, at.Hour, 0, 0, DateTimeKind.Utc));
            case "daily":
                return new(at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), at.Date);
            case "weekly":
                var monday = at.Date.AddDays(-(((int)at.DayOfWeek + 6) % 7));
                // ISO week: the week belongs to the year of its Thursday; week 1 holds the year's first Thursday.
                var thursday = monday.AddDays(3);
                var week = (thursday.DayOfYear - 1) / 7 + 1;
                return new(string.Create(CultureInfo.InvariantCulture, $"{thursday.Year:D4}-W{week:D2}"), monday);
            case "monthly":
                return new(at.ToString("yyyy-MM", CultureInfo.InvariantCulture), new DateTime(at.Year, at.Month, 1, 0, 0, 0, DateTimeKind.Utc));
            case "yearly":
                return new(at.ToString("yyyy", CultureInfo.InvariantCulture), new DateTime(at.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            default:
                throw new ArgumentOutOfRangeException(nameof(duration), duration, "unknown duration");
        }
    }

    /// <summary>Every period that overlaps [start, end + 1 day).</summary>
    public static HashSet<ExpectedPeriod> AllIn(string duration, string start, string end)
    {
        var periods = new HashSet<ExpectedPeriod>();
        var stop = Day(end).AddDays(1);
        for (var hour = Day(start); hour < stop; hour = hour.AddHours(1))
            periods.Add(Of(duration, hour));
        return periods;
    }

    /// <summary>The object key of this period under the tests' template <c>{prefix}/{table}/{YYYY}/{MM}</c>, JSONL without compression.</summary>
    public string Key(string prefix, string table) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}/{table}/{Start:yyyy}/{Start:MM}/{table}-{Name}.jsonl");

    public static DateTime Day(string date) =>
        DateTime.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
