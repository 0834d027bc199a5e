namespace DataArchiver.Postgres.Extraction;

/// <summary>
/// Counts CSV records in text that arrives in pieces: a line break ends a record only outside quotes. PostgreSQL
/// quotes every field holding a quote, a delimiter or a line break, so quote parity is all that matters.
/// </summary>
internal sealed class CsvRecordCounter
{
    private bool _inQuotes;

    /// <summary>Records ended so far.</summary>
    public long Records { get; private set; }

    /// <summary>Scans the next piece of text.</summary>
    public void Scan(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            if (_inQuotes)
            {
                var quote = text.IndexOf('"');
                if (quote < 0)
                    return;
                _inQuotes = false;
                text = text[(quote + 1)..];
                continue;
            }
            var next = text.IndexOfAny('"', '\n');
            if (next < 0)
                return;
            if (text[next] == '"')
                _inQuotes = true;
            else
                Records++;
            text = text[(next + 1)..];
        }
    }
}
