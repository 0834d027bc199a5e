using DataArchiver.Core.Configuration;
using DataArchiver.Core.State;

namespace DataArchiver.Core.Planning;

/// <summary>
/// Plans date windows: with <c>--date-column</c>, each output period in [start, end] becomes one unit reading the rows
/// of the table (PostgreSQL prunes to the overlapping partitions) whose date column lies in the period, clamped to
/// the requested range.
/// </summary>
public static class WindowPlanner
{
    /// <summary>Maps a column's <c>format_type</c> to a supported date column type, or throws naming the problem.</summary>
    public static DateColumnType ParseColumnType(string column, string? typeName) => typeName switch
    {
        null => throw new ConfigurationException($"--date-column {column} is not a column of the table"),
        "timestamp with time zone" => DateColumnType.TimestampTz,
        "timestamp without time zone" => DateColumnType.Timestamp,
        "date" => DateColumnType.Date,
        _ when typeName.StartsWith("timestamp(", StringComparison.Ordinal) && typeName.EndsWith("with time zone", StringComparison.Ordinal)
            && !typeName.EndsWith("without time zone", StringComparison.Ordinal) => DateColumnType.TimestampTz,
        _ when typeName.StartsWith("timestamp(", StringComparison.Ordinal) => DateColumnType.Timestamp,
        _ => throw new ConfigurationException($"--date-column {column} has type {typeName}; it must be timestamptz, timestamp or date"),
    };

    /// <summary>One unit per output period overlapping [StartDate, EndDate], reading the table through a window.</summary>
    public static ArchivePlan Plan(PlanOptions options, DateColumnType columnType)
    {
        var column = options.DateColumn ?? throw new ArgumentException("a date column is required", nameof(options));
        var duration = options.OutputDuration ?? Defaults.WindowDuration;
        if (duration == OutputDuration.Hourly && columnType == DateColumnType.Date)
            throw new ConfigurationException($"--output-duration hourly needs a timestamp column; {column} is a date");
        var (rangeStart, rangeEnd) = (options.RangeStart, options.RangeEnd);

        var units = new List<WorkUnit>();
        for (var period = new Period(duration, AlignDown(duration, rangeStart)); period.Start < rangeEnd; period = new Period(duration, period.End))
        {
            var start = period.Start < rangeStart ? rangeStart : period.Start;
            var end = period.End > rangeEnd ? rangeEnd : period.End;
            var key = options.Naming.Key(options.Table.Name, period);
            units.Add(new WorkUnit(key, period, options.Table, new RowWindow(column, start, end, columnType)));
        }
        ArchivePlanner.EnsureDistinctKeys(units);
        return new ArchivePlan(units, [], 0);
    }

    /// <summary>
    /// Widens each window to also cover the dates its object was stored for before (as <paramref name="stored"/> tells,
    /// from the state file), so that an object clamped by an earlier, different range only ever grows towards its
    /// whole period and is never rewritten with fewer dates than it held. Units without a window, and records without
    /// a span or without a stored result, are left as they are.
    /// </summary>
    public static ArchivePlan WidenToStored(ArchivePlan plan, Func<string, ObjectRecord?> stored)
    {
        var units = plan.Units.Select(unit =>
        {
            if (unit.Window is not { } window || stored(unit.Key) is not { RowsFrom: { } from, RowsTo: { } to } record
                || !(record.Empty || record.Md5 is not null))
                return unit;
            var start = Max(Min(window.Start, from.UtcDateTime), unit.Period.Start);
            var end = Min(Max(window.End, to.UtcDateTime), unit.Period.End);
            return start == window.Start && end == window.End ? unit : unit with { Window = window with { Start = start, End = end } };
        }).ToList();
        return plan with { Units = units };
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    /// <summary>The start of the period of <paramref name="duration"/> that contains <paramref name="instant"/>.</summary>
    public static DateTime AlignDown(OutputDuration duration, DateTime instant) => duration switch
    {
        OutputDuration.Hourly => new DateTime(instant.Year, instant.Month, instant.Day, instant.Hour, 0, 0, DateTimeKind.Utc),
        OutputDuration.Daily => instant.Date,
        OutputDuration.Weekly => instant.Date.AddDays(-(((int)instant.DayOfWeek + 6) % 7)),
        OutputDuration.Monthly => new DateTime(instant.Year, instant.Month, 1, 0, 0, 0, DateTimeKind.Utc),
        _ => new DateTime(instant.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc),
    };
}
