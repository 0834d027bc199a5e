namespace DataArchiver.Core.Extraction;

/// <summary>The form of a column's fields in a row export.</summary>
public enum FieldRead
{
    /// <summary>The type's binary send format, decoded by the writer (see <see cref="PostgresTypes.WireTypes"/>).</summary>
    Binary,
    /// <summary>The UTF-8 text of the type's output function, as text-format COPY prints it.</summary>
    OutputText,
}
