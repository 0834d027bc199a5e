namespace DataArchiver.Core.PostgresTypes;

/// <summary>
/// The structure of a type whose values arrive as output text: a scalar (domains resolved to their base type), an
/// array of a shape, or a composite of named attribute shapes. It lets a format take the text of arrays and
/// composites apart (<c>array_out</c> and <c>record_out</c> syntax) without asking the server to render them.
/// </summary>
public sealed class TypeShape
{
    private TypeShape(TypeShapeKind kind, uint oid, char delimiter, TypeShape? element, IReadOnlyList<TypeShapeAttribute> attributes)
    {
        Kind = kind;
        Oid = oid;
        Delimiter = delimiter;
        Element = element;
        Attributes = attributes;
    }

    /// <summary>What the shape is.</summary>
    public TypeShapeKind Kind { get; }

    /// <summary>The type's OID; for a domain, its base type's.</summary>
    public uint Oid { get; }

    /// <summary>The delimiter <c>array_out</c> puts between elements of this type (<c>typdelim</c>).</summary>
    public char Delimiter { get; }

    /// <summary>The element shape of an array.</summary>
    public TypeShape? Element { get; }

    /// <summary>The attributes of a composite, in order, without dropped ones.</summary>
    public IReadOnlyList<TypeShapeAttribute> Attributes { get; }

    /// <summary>A type printed as one piece of text.</summary>
    public static TypeShape Scalar(uint oid, char delimiter = ',') => new(TypeShapeKind.Scalar, oid, delimiter, null, []);

    /// <summary>An array of <paramref name="element"/>.</summary>
    public static TypeShape Array(uint oid, TypeShape element) => new(TypeShapeKind.Array, oid, ',', element, []);

    /// <summary>A composite with <paramref name="attributes"/>.</summary>
    public static TypeShape Composite(uint oid, IReadOnlyList<TypeShapeAttribute> attributes, char delimiter = ',') =>
        new(TypeShapeKind.Composite, oid, delimiter, null, attributes);
}
