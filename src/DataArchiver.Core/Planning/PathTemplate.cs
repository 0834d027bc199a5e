using System.Globalization;
using System.Text;
using DataArchiver.Core.Configuration;

namespace DataArchiver.Core.Planning;

/// <summary>
/// The key prefix of archived objects, e.g. <c>archive/{table}/{YYYY}/{MM}</c>. Placeholders are
/// <c>{table} {YYYY} {MM} {DD} {HH}</c>; anything else in braces is rejected when parsing.
/// </summary>
public sealed class PathTemplate
{
    private static readonly string[] Known = ["table", "YYYY", "MM", "DD", "HH"];
    private readonly string _text;

    private PathTemplate(string text) => _text = text;

    /// <summary>The template as given.</summary>
    public override string ToString() => _text;

    /// <summary>Parses and checks a template; throws <see cref="ConfigurationException"/> naming the problem.</summary>
    public static PathTemplate Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new ConfigurationException("--path-template is required (for example \"archive/{table}/{YYYY}/{MM}\")");
        if (text.StartsWith('/'))
            throw new ConfigurationException($"--path-template must not start with '/': \"{text}\"");
        var seenTable = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '}')
                throw new ConfigurationException($"--path-template has a '}}' without a matching '{{' at position {i + 1}: \"{text}\"");
            if (text[i] != '{')
                continue;
            var close = text.IndexOf('}', i + 1);
            if (close < 0)
                throw new ConfigurationException($"--path-template has an unclosed '{{' at position {i + 1}: \"{text}\"");
            var name = text[(i + 1)..close];
            if (Array.IndexOf(Known, name) < 0)
                throw new ConfigurationException(
                    $"--path-template has unknown placeholder {{{name}}}; allowed: {{table}} {{YYYY}} {{MM}} {{DD}} {{HH}}");
            seenTable |= name == "table";
            i = close;
        }
        if (!seenTable)
            throw new ConfigurationException($"--path-template must contain {{table}}: \"{text}\"");
        if (text.Split('/').Any(segment => segment is "." or ".."))
            throw new ConfigurationException($"--path-template must not contain '.' or '..' segments: \"{text}\"");
        return new PathTemplate(text);
    }

    /// <summary>Renders the prefix for <paramref name="table"/> and the period starting at <paramref name="start"/>, without a trailing slash.</summary>
    public string Render(string table, DateTime start)
    {
        var builder = new StringBuilder(_text.Length + 32);
        for (var i = 0; i < _text.Length; i++)
        {
            if (_text[i] != '{')
            {
                builder.Append(_text[i]);
                continue;
            }
            var close = _text.IndexOf('}', i + 1);
            builder.Append(_text[(i + 1)..close] switch
            {
                "table" => table,
                "YYYY" => start.Year.ToString("D4", CultureInfo.InvariantCulture),
                "MM" => start.Month.ToString("D2", CultureInfo.InvariantCulture),
                "DD" => start.Day.ToString("D2", CultureInfo.InvariantCulture),
                _ => start.Hour.ToString("D2", CultureInfo.InvariantCulture),
            });
            i = close;
        }
        return builder.ToString().TrimEnd('/');
    }
}
