namespace DataArchiver.Core.PostgresTypes;

/// <summary>One attribute of a composite shape.</summary>
/// <param name="Name">The attribute's name.</param>
/// <param name="Shape">The attribute's type.</param>
public sealed record TypeShapeAttribute(string Name, TypeShape Shape);
