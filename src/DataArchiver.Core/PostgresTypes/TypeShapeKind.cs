namespace DataArchiver.Core.PostgresTypes;

/// <summary>The three structures a PostgreSQL value's text can have.</summary>
public enum TypeShapeKind
{
    /// <summary>One piece of text from the type's output function.</summary>
    Scalar,
    /// <summary><c>{…}</c> with the elements' text, nested per dimension.</summary>
    Array,
    /// <summary><c>(…)</c> with the attributes' text.</summary>
    Composite,
}
