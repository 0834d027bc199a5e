namespace DataArchiver.Core.Formats.Json;

/// <summary>Whether text is a JSON number, the test <c>to_json</c> applies before writing a number bare.</summary>
internal static class JsonNumber
{
    /// <summary>Whether <paramref name="text"/> is <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>.</summary>
    public static bool IsValid(ReadOnlySpan<byte> text)
    {
        var at = 0;
        if (at < text.Length && text[at] == '-')
            at++;
        if (at < text.Length && text[at] == '0')
            at++;
        else if (!Digits(text, ref at))
            return false;
        if (at < text.Length && text[at] == '.')
        {
            at++;
            if (!Digits(text, ref at))
                return false;
        }
        if (at < text.Length && text[at] is (byte)'e' or (byte)'E')
        {
            at++;
            if (at < text.Length && text[at] is (byte)'+' or (byte)'-')
                at++;
            if (!Digits(text, ref at))
                return false;
        }
        return at == text.Length;
    }

    private static bool Digits(ReadOnlySpan<byte> text, ref int at)
    {
        var start = at;
        while (at < text.Length && char.IsAsciiDigit((char)text[at]))
            at++;
        return at > start;
    }
}
