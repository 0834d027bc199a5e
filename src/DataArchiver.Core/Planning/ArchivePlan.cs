namespace DataArchiver.Core.Planning;

/// <summary>The outcome of planning: what will be archived and what is left out and why.</summary>
public sealed record ArchivePlan(IReadOnlyList<WorkUnit> Units, IReadOnlyList<SkippedPartition> Skipped, int OutOfRange);
