namespace DataArchiver.Core.Extraction;

/// <summary>
/// For <see cref="FieldEncoding.PostgresBinary"/>: which columns are sent in their native binary form and which as
/// their text output. Shared by the reader (to build the SELECT list) and the writers (to decode fields).
/// </summary>
public static class BinaryProjection
{
    /// <summary>Whether the column's native binary form is decoded by the writers.</summary>
    public static bool IsNative(ColumnInfo column) => false;

    /// <summary>The SELECT-list expression for <paramref name="column"/>, given its quoted name.</summary>
    public static string SelectExpression(ColumnInfo column, string quotedName) =>
        IsNative(column) ? quotedName : quotedName + "::text";
}
