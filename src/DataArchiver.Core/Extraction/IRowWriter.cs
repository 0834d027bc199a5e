namespace DataArchiver.Core.Extraction;

/// <summary>
/// Encodes rows of fields into a file format on an output stream. One writer serves one unit: rows, then
/// <see cref="Complete"/> once; disposing releases what it holds, completed or not.
/// </summary>
public interface IRowWriter : IDisposable
{
    /// <summary>
    /// Writes one row whose fields are slices of <paramref name="data"/>, one per column in the form
    /// <see cref="ExportColumn.Read"/> gave (a negative length is SQL NULL).
    /// </summary>
    void WriteRow(ReadOnlySpan<byte> data, ReadOnlySpan<FieldSlice> fields);

    /// <summary>Writes any trailer and flushes everything to the output stream.</summary>
    void Complete();
}
