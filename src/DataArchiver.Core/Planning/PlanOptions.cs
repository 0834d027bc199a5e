using DataArchiver.Core.Configuration;

namespace DataArchiver.Core.Planning;

/// <summary>What the planners need: the table, the range of days, how to cut it and how objects are named.</summary>
public sealed record PlanOptions
{
    /// <summary>The (partitioned) table.</summary>
    public required RelationName Table { get; init; }

    /// <summary>First day of the range, inclusive.</summary>
    public required DateOnly StartDate { get; init; }

    /// <summary>Last day of the range, inclusive.</summary>
    public required DateOnly EndDate { get; init; }

    /// <summary>How object keys are built.</summary>
    public required ObjectNaming Naming { get; init; }

    /// <summary>Explicit output period, or <c>null</c> for each partition's own period (<see cref="Defaults.WindowDuration"/> for windows).</summary>
    public OutputDuration? OutputDuration { get; init; }

    /// <summary>Column that dates each row, for date windows.</summary>
    public string? DateColumn { get; init; }

    /// <summary>Start of the range (UTC midnight of <see cref="StartDate"/>).</summary>
    public DateTime RangeStart => StartDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>Exclusive end of the range (UTC midnight after <see cref="EndDate"/>).</summary>
    public DateTime RangeEnd => EndDate.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}
