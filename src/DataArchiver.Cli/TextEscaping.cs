using System.Globalization;
using System.Text;

namespace DataArchiver.Cli;

/// <summary>Escapes text for one-line output (messages, logfmt values): quotes, backslashes and control characters.</summary>
internal static class TextEscaping
{
    /// <summary><paramref name="text"/> with <c>"</c>, <c>\</c>, line breaks, tabs and other control characters escaped C-style.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                _ when char.IsControl(c) => builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => builder.Append(c),
            };
        }
        return builder.ToString();
    }

    /// <summary><paramref name="text"/> escaped and in double quotes.</summary>
    public static string Quote(string text) => "\"" + Escape(text) + "\"";
}
