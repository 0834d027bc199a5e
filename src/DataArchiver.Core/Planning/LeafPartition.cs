namespace DataArchiver.Core.Planning;

/// <summary>A leaf of a partition tree (or a plain table), as discovered in the catalog.</summary>
/// <param name="Relation">The leaf table.</param>
/// <param name="Bound">Its partition bound as PostgreSQL prints it (<c>FOR VALUES FROM (…) TO (…)</c>), or <c>null</c>.</param>
/// <param name="CanSelect">Whether the current role may read it.</param>
public sealed record LeafPartition(RelationName Relation, string? Bound, bool CanSelect);
