namespace DataArchiver.Core.Extraction;

/// <summary>What the extraction hands a record writer for each field.</summary>
public enum FieldEncoding
{
    /// <summary>
    /// Each field is PostgreSQL's binary send format of <see cref="JsonProjection.SelectExpression"/> for its column: the
    /// column itself for types the writer encodes to JSON, the UTF-8 text of <c>to_json(column)</c> for all others. SQL
    /// NULL is a null field.
    /// </summary>
    JsonMixed,
    /// <summary>The server's own CSV output (with header), passed through as text.</summary>
    ServerCsv,
    /// <summary>
    /// Each field is PostgreSQL's binary send format of <see cref="BinaryProjection.SelectExpression"/> for its column:
    /// the column itself for types decoded natively, its text output for all others. SQL NULL is a null field.
    /// </summary>
    PostgresBinary,
}
