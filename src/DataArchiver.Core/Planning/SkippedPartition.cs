namespace DataArchiver.Core.Planning;

/// <summary>A leaf that the plan leaves out, with the reason told to the operator.</summary>
public sealed record SkippedPartition(RelationName Relation, string Reason);
