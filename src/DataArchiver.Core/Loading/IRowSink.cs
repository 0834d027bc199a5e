namespace DataArchiver.Core.Loading;

/// <summary>
/// Where a format decoder puts the rows of an object: one call per row, each a tuple in PostgreSQL's binary COPY form
/// (field count, then per field its length and bytes, -1 for NULL), the fields encoded with
/// <see cref="PostgresTypes.PostgresBinaryWriter"/> in the order of the target's columns.
/// </summary>
public interface IRowSink
{
    /// <summary>Takes one row; the bytes are only valid during the call. Throws when the load has failed.</summary>
    void WriteRow(ReadOnlySpan<byte> tuple);
}
