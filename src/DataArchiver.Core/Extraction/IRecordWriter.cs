namespace DataArchiver.Core.Extraction;

/// <summary>
/// Encodes rows into a file format on an output stream. One writer serves one unit; it is created once the
/// columns are known and told what it needs through <see cref="Encoding"/>.
/// </summary>
public interface IRecordWriter : IDisposable
{
    /// <summary>The form in which the extraction must deliver fields.</summary>
    FieldEncoding Encoding { get; }

    /// <summary>
    /// Writes one row whose fields are slices of <paramref name="data"/> (for <see cref="FieldEncoding.JsonMixed"/> and
    /// <see cref="FieldEncoding.PostgresBinary"/>).
    /// </summary>
    void WriteRow(ReadOnlySpan<byte> data, ReadOnlySpan<FieldSlice> fields);

    /// <summary>Writes a piece of the server's CSV text (for <see cref="FieldEncoding.ServerCsv"/>).</summary>
    void WriteText(ReadOnlySpan<char> text);

    /// <summary>Writes any trailer and flushes everything to the output stream.</summary>
    void Complete();
}
