using DataArchiver.Core.Configuration;

namespace DataArchiver.Core.Planning;

/// <summary>
/// Turns discovered leaves into work units: each leaf is dated by its name, else by its range bound; leaves
/// whose period starts inside [start, end] become one unit each, named by their own period.
/// </summary>
public static class ArchivePlanner
{
    /// <summary>Plans one unit per dated leaf in range; throws <see cref="PlanningException"/> when two units share a key.</summary>
    public static ArchivePlan PlanPartitions(PlanOptions options, IReadOnlyList<LeafPartition> leaves)
    {
        var units = new List<WorkUnit>();
        var skipped = new List<SkippedPartition>();
        var outOfRange = 0;
        var rangeStart = options.RangeStart;
        var rangeEnd = options.RangeEnd;
        var root = options.Table;
        if (leaves.Count == 1 && leaves[0].Relation == root)
            throw new ConfigurationException(
                $"table {root} is not partitioned: add --date-column COLUMN (and --output-duration) to archive it in date windows");

        foreach (var leaf in leaves)
        {
            var period = DateOf(root.Name, leaf, out var reason);
            if (period is null)
            {
                skipped.Add(new SkippedPartition(leaf.Relation, reason));
                continue;
            }
            if (period.Value.Start < rangeStart || period.Value.Start >= rangeEnd)
            {
                outOfRange++;
                continue;
            }
            if (!leaf.CanSelect)
            {
                skipped.Add(new SkippedPartition(leaf.Relation, "no SELECT privilege for the current role"));
                continue;
            }
            if (options.OutputDuration is { } wanted && wanted != period.Value.Duration)
                throw new PlanningException(
                    $"--output-duration {wanted.ToString().ToLowerInvariant()} needs --date-column: partition {leaf.Relation} covers one " +
                    $"{period.Value.Duration.ToString().ToLowerInvariant()} period and would have to be split or merged");
            var key = options.Naming.Key(root.Name, period.Value);
            units.Add(new WorkUnit(key, period.Value, leaf.Relation));
        }

        EnsureDistinctKeys(units);
        units.Sort((a, b) => a.Period.Start != b.Period.Start
            ? a.Period.Start.CompareTo(b.Period.Start)
            : string.CompareOrdinal(a.Key, b.Key));
        return new ArchivePlan(units, skipped, outOfRange);
    }

    /// <summary>The period a leaf covers: from its name, else from its range bound.</summary>
    public static Period? DateOf(string table, LeafPartition leaf, out string reason)
    {
        reason = "";
        if (PartitionNameParser.TryParse(table, leaf.Relation.Name) is { } named)
            return named;
        if (PartitionBound.TryParse(leaf.Bound) is { } span)
        {
            if (Period.FromSpan(span.From, span.To) is { } bounded)
                return bounded;
            reason = $"its range {span.From:yyyy-MM-dd HH:mm:ss}..{span.To:yyyy-MM-dd HH:mm:ss} is not one whole hour, day, ISO week, month or year";
            return null;
        }
        reason = leaf.Bound is null
            ? "no date in its name and no partition bound"
            : $"no date in its name and its bound is not a date range ({leaf.Bound})";
        return null;
    }

    /// <summary>Throws <see cref="PlanningException"/> when two units would write the same key.</summary>
    public static void EnsureDistinctKeys(IReadOnlyList<WorkUnit> units)
    {
        var seen = new Dictionary<string, WorkUnit>(StringComparer.Ordinal);
        foreach (var unit in units)
        {
            if (seen.TryGetValue(unit.Key, out var first))
                throw new PlanningException($"{first.Source} and {unit.Source} would both be written to {unit.Key}");
            seen.Add(unit.Key, unit);
        }
    }
}
