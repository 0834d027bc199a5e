namespace DataArchiver.Core.Extraction;

/// <summary>
/// Writes text that the server has already rendered in the file's format. One writer serves one unit: text, then
/// <see cref="Complete"/> once; disposing releases what it holds.
/// </summary>
public interface ITextWriter : IDisposable
{
    /// <summary>Writes the next piece of text; pieces may split a row or a character pair anywhere.</summary>
    void WriteText(ReadOnlySpan<char> text);

    /// <summary>Flushes everything to the output stream.</summary>
    void Complete();
}
