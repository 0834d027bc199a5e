namespace DataArchiver.Core.Planning;

/// <summary>One object to produce: its key, the period it covers and where its rows come from.</summary>
/// <param name="Key">The object key.</param>
/// <param name="Period">The period the object is named after.</param>
/// <param name="Source">The table whose rows it holds.</param>
/// <param name="Window">When set, only rows whose date column lies in [start, end) belong to the unit.</param>
public sealed record WorkUnit(string Key, Period Period, RelationName Source, RowWindow? Window = null)
{
    /// <summary>Start (UTC) of the dates whose rows the unit reads: its window's start, or its period's for a whole partition.</summary>
    public DateTimeOffset RowsFrom => new(Window?.Start ?? Period.Start, TimeSpan.Zero);

    /// <summary>Exclusive end (UTC) of the dates whose rows the unit reads.</summary>
    public DateTimeOffset RowsTo => new(Window?.End ?? Period.End, TimeSpan.Zero);

    /// <inheritdoc />
    public override string ToString() => $"{Source} → {Key}";
}

/// <summary>A filter on the date column: rows with <c>column &gt;= Start AND column &lt; End</c> (UTC).</summary>
/// <param name="Column">The date column.</param>
/// <param name="Start">Inclusive start, UTC.</param>
/// <param name="End">Exclusive end, UTC.</param>
/// <param name="Type">The column's type, so bounds are written as literals of that type and an index on it is used.</param>
public sealed record RowWindow(string Column, DateTime Start, DateTime End, DateColumnType Type);

/// <summary>The types a date column may have.</summary>
public enum DateColumnType
{
    /// <summary><c>timestamp with time zone</c>.</summary>
    TimestampTz,
    /// <summary><c>timestamp without time zone</c>, taken as UTC.</summary>
    Timestamp,
    /// <summary><c>date</c>.</summary>
    Date,
}
