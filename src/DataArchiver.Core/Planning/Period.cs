using System.Globalization;
using DataArchiver.Core.Configuration;

namespace DataArchiver.Core.Planning;

/// <summary>A span of time [<see cref="Start"/>, <see cref="End"/>) in UTC of one of the five output durations.</summary>
public readonly record struct Period(OutputDuration Duration, DateTime Start)
{
    /// <summary>The exclusive end of the period.</summary>
    public DateTime End => Duration switch
    {
        OutputDuration.Hourly => Start.AddHours(1),
        OutputDuration.Daily => Start.AddDays(1),
        OutputDuration.Weekly => Start.AddDays(7),
        OutputDuration.Monthly => Start.AddMonths(1),
        _ => Start.AddYears(1),
    };

    /// <summary>The name used in object keys: <c>YYYY-MM-DD-HH</c>, <c>YYYY-MM-DD</c>, <c>YYYY-Www</c>, <c>YYYY-MM</c> or <c>YYYY</c>.</summary>
    public string Name => Duration switch
    {
        OutputDuration.Hourly => Start.ToString("yyyy-MM-dd-HH", CultureInfo.InvariantCulture),
        OutputDuration.Daily => Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        OutputDuration.Weekly => string.Create(CultureInfo.InvariantCulture,
            $"{ISOWeek.GetYear(Start):D4}-W{ISOWeek.GetWeekOfYear(Start):D2}"),
        OutputDuration.Monthly => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => Start.ToString("yyyy", CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// The period exactly covering [<paramref name="start"/>, <paramref name="end"/>), or <c>null</c> when that span is
    /// not one whole hour, day, ISO week, month or year.
    /// </summary>
    public static Period? FromSpan(DateTime start, DateTime end)
    {
        foreach (var duration in Enum.GetValues<OutputDuration>())
        {
            var candidate = new Period(duration, start);
            if (candidate.End == end && candidate.IsAligned)
                return candidate;
        }
        return null;
    }

    /// <summary>Whether <see cref="Start"/> is the natural beginning of such a period (Monday for weeks).</summary>
    public bool IsAligned => Duration switch
    {
        OutputDuration.Hourly => Start.Minute == 0 && Start.Second == 0 && Start.Ticks % TimeSpan.TicksPerSecond == 0,
        OutputDuration.Daily => Start.TimeOfDay == TimeSpan.Zero,
        OutputDuration.Weekly => Start.TimeOfDay == TimeSpan.Zero && Start.DayOfWeek == DayOfWeek.Monday,
        OutputDuration.Monthly => Start.TimeOfDay == TimeSpan.Zero && Start.Day == 1,
        _ => Start.TimeOfDay == TimeSpan.Zero && Start.DayOfYear == 1,
    };

    /// <inheritdoc />
    public override string ToString() => Name;
}
