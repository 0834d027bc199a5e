namespace DataArchiver.Core.Planning;

/// <summary>One object to produce: its key, the period it covers and where its rows come from.</summary>
/// <param name="Key">The object key.</param>
/// <param name="Period">The period the object is named after.</param>
/// <param name="Source">The table whose rows it holds.</param>
/// <param name="Window">When set, only rows whose date column lies in [start, end) belong to the unit.</param>
public sealed record WorkUnit(string Key, Period Period, RelationName Source, RowWindow? Window = null)
{
    /// <inheritdoc />
    public override string ToString() => $"{Source} → {Key}";
}

/// <summary>A filter on the date column: rows with <c>column &gt;= Start AND column &lt; End</c> (UTC).</summary>
public sealed record RowWindow(string Column, DateTime Start, DateTime End);
