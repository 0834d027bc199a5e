using DataArchiver.Core.Configuration;
using DataArchiver.Core.Planning;

namespace DataArchiver.Tests.Planning;

public sealed class ArchivePlannerTests
{
    private static PlanOptions Settings(OutputDuration? duration = null) => new()
    {
        Table = new RelationName("public", "events"),
        StartDate = new DateOnly(2024, 1, 1),
        EndDate = new DateOnly(2024, 1, 31),
        Naming = new ObjectNaming(PathTemplate.Parse("archive/{table}/{YYYY}/{MM}"), OutputFormat.Jsonl, CompressionCodec.Zstd),
        OutputDuration = duration,
    };

    private static LeafPartition Leaf(string name, string? bound = null, bool canSelect = true) =>
        new(new RelationName("public", name), bound, canSelect);

    [Fact]
    public void PlanPartitions_DailyLeafInRange_BecomesOneUnitNamedByItsDay()
    {
        var plan = ArchivePlanner.PlanPartitions(Settings(), [Leaf("events_20240105")]);

        var unit = Assert.Single(plan.Units);
        Assert.Equal("archive/events/2024/01/events-2024-01-05.jsonl.zst", unit.Key);
        Assert.Equal(new RelationName("public", "events_20240105"), unit.Source);
        Assert.Equal(OutputDuration.Daily, unit.Period.Duration);
        Assert.Null(unit.Window);
        Assert.Empty(plan.Skipped);
        Assert.Equal(0, plan.OutOfRange);
    }

    [Fact]
    public void PlanPartitions_MonthlyLeafInRange_IsNamedByItsMonth()
    {
        var unit = Assert.Single(ArchivePlanner.PlanPartitions(Settings(), [Leaf("events_2024_01")]).Units);
        Assert.Equal("archive/events/2024/01/events-2024-01.jsonl.zst", unit.Key);
    }

    [Fact]
    public void PlanPartitions_LeafDatedByBound_UsesTheBoundsPeriod()
    {
        var unit = Assert.Single(ArchivePlanner.PlanPartitions(Settings(),
            [Leaf("events_w1", "FOR VALUES FROM ('2024-01-08') TO ('2024-01-15')")]).Units);
        Assert.Equal(OutputDuration.Weekly, unit.Period.Duration);
        Assert.Equal("archive/events/2024/01/events-2024-W02.jsonl.zst", unit.Key);
    }

    [Fact]
    public void PlanPartitions_RangeEdges_StartAndEndDaysAreIncluded()
    {
        var plan = ArchivePlanner.PlanPartitions(Settings(),
            [Leaf("events_20231231"), Leaf("events_20240101"), Leaf("events_20240131"), Leaf("events_20240201")]);

        Assert.Equal(["events_20240101", "events_20240131"], plan.Units.Select(u => u.Source.Name));
        Assert.Equal(2, plan.OutOfRange);
    }

    [Fact]
    public void PlanPartitions_UnitsOutOfOrder_AreSortedByPeriod()
    {
        var plan = ArchivePlanner.PlanPartitions(Settings(), [Leaf("events_20240120"), Leaf("events_20240103"), Leaf("events_20240110")]);
        Assert.Equal(["events_20240103", "events_20240110", "events_20240120"], plan.Units.Select(u => u.Source.Name));
    }

    [Fact]
    public void PlanPartitions_UndatedLeaf_IsSkippedWithReason()
    {
        var plan = ArchivePlanner.PlanPartitions(Settings(), [Leaf("events_default", "DEFAULT"), Leaf("events_misc")]);

        Assert.Empty(plan.Units);
        Assert.Equal(2, plan.Skipped.Count);
        Assert.Equal("no date in its name and its bound is not a date range (DEFAULT)", plan.Skipped[0].Reason);
        Assert.Equal("no date in its name and no partition bound", plan.Skipped[1].Reason);
        Assert.Equal(new RelationName("public", "events_default"), plan.Skipped[0].Relation);
    }

    [Fact]
    public void PlanPartitions_LeafWithOddSpan_IsSkippedWithReason()
    {
        var skipped = Assert.Single(ArchivePlanner.PlanPartitions(Settings(),
            [Leaf("events_x", "FOR VALUES FROM ('2024-01-01') TO ('2024-01-03')")]).Skipped);
        Assert.Contains("is not one whole hour, day, ISO week, month or year", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanPartitions_LeafWithoutSelectPrivilege_IsSkippedWithReason()
    {
        var plan = ArchivePlanner.PlanPartitions(Settings(), [Leaf("events_20240105", canSelect: false)]);
        Assert.Empty(plan.Units);
        Assert.Equal("no SELECT privilege for the current role", Assert.Single(plan.Skipped).Reason);
    }

    [Fact]
    public void PlanPartitions_TwoLeavesSameKey_ThrowsNamingBoth()
    {
        var error = Assert.Throws<PlanningException>(() => ArchivePlanner.PlanPartitions(Settings(),
            [Leaf("events_20240105"), Leaf("events_p20240105")]));
        Assert.Equal("public.events_20240105 and public.events_p20240105 would both be written to archive/events/2024/01/events-2024-01-05.jsonl.zst",
            error.Message);
    }

    [Fact]
    public void PlanPartitions_OutputDurationDiffersWithoutDateColumn_Throws()
    {
        var error = Assert.Throws<PlanningException>(() => ArchivePlanner.PlanPartitions(Settings(OutputDuration.Monthly), [Leaf("events_20240105")]));
        Assert.StartsWith("--output-duration monthly needs --date-column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanPartitions_OutputDurationMatchesPartitions_IsAccepted() =>
        Assert.Single(ArchivePlanner.PlanPartitions(Settings(OutputDuration.Daily), [Leaf("events_20240105")]).Units);

    [Fact]
    public void PlanPartitions_NoLeaves_IsEmptyPlan()
    {
        var plan = ArchivePlanner.PlanPartitions(Settings(), []);
        Assert.Empty(plan.Units);
        Assert.Empty(plan.Skipped);
        Assert.Equal(0, plan.OutOfRange);
    }
}
