using System.Text;
using DataArchiver.Core.Extraction;

namespace DataArchiver.Core.Formats;

/// <summary>
/// Writes the server's own CSV (<c>COPY … (FORMAT csv, HEADER)</c>) as UTF-8, unchanged: the quoting, NULL and
/// empty-string rules are PostgreSQL's, so the file reloads with <c>COPY … FROM</c>.
/// </summary>
public sealed class CsvTextWriter(Stream output) : ITextWriter
{
    // Small enough to stay off the large object heap: text arrives a row or so at a time.
    private const int CharsPerPass = 16 * 1024;
    private readonly Encoder _encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetEncoder();
    private readonly byte[] _bytes = new byte[3 * CharsPerPass + 8];

    /// <inheritdoc />
    public void WriteText(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var take = Math.Min(text.Length, CharsPerPass);
            _encoder.Convert(text[..take], _bytes, flush: false, out var used, out var written, out _);
            output.Write(_bytes, 0, written);
            text = text[used..];
        }
    }

    /// <inheritdoc />
    public void Complete()
    {
        _encoder.Convert(ReadOnlySpan<char>.Empty, _bytes, flush: true, out _, out var written, out _);
        output.Write(_bytes, 0, written);
        output.Flush();
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
