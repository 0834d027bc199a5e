using DataArchiver.Core.PostgresTypes;

namespace DataArchiver.Core.Extraction;

/// <summary>One column of an export and the form its fields arrive in.</summary>
/// <param name="Column">The source column.</param>
/// <param name="Wire">How binary fields are decoded, or <c>null</c> when each field is the column's output text.</param>
/// <param name="Shape">For output text: the structure of the type, so arrays and composites can be taken apart.</param>
public sealed record ExportColumn(ColumnInfo Column, ColumnWire? Wire, TypeShape? Shape)
{
    /// <summary>How the fields of this column arrive.</summary>
    public FieldRead Read => Wire is null ? FieldRead.OutputText : FieldRead.Binary;

    /// <summary>A column read in binary (a decoded type, see <see cref="WireTypes"/>).</summary>
    public static ExportColumn Binary(ColumnInfo column, ColumnWire wire) => new(column, wire, null);

    /// <summary>A column read as the UTF-8 text of its type's output function.</summary>
    public static ExportColumn Text(ColumnInfo column, TypeShape shape) => new(column, null, shape);
}
