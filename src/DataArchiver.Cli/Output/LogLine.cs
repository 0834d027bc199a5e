using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using DataArchiver.Core.Configuration;

namespace DataArchiver.Cli.Output;

/// <summary>
/// Formats one log line in the chosen <see cref="LogFormat"/>: <c>TIME LEVEL message</c>, logfmt
/// (<c>time=… level=… msg=… key=value</c>) or a JSON object with <c>time</c>, <c>level</c>, <c>msg</c> and the fields.
/// Never contains terminal control codes: line breaks in text are escaped or flattened.
/// </summary>
internal static class LogLine
{
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The line for <paramref name="message"/> at <paramref name="level"/>; fields whose value is <c>null</c> are left out.</summary>
    public static string Format(LogFormat format, DateTimeOffset time, string level, string message, params (string Key, object? Value)[] fields)
    {
        var stamp = time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        switch (format)
        {
            case LogFormat.Json:
                var record = new Dictionary<string, object?> { ["time"] = stamp, ["level"] = level, ["msg"] = message };
                foreach (var (key, value) in fields)
                {
                    if (value is not null)
                        record[key] = value;
                }
                // The relaxed encoder leaves non-ASCII text readable but still escapes control characters (ESC included).
                return JsonSerializer.Serialize(record, JsonOptions);
            case LogFormat.Logfmt:
                var parts = new List<string> { $"time={stamp}", $"level={level}", $"msg={Logfmt(message)}" };
                foreach (var (key, value) in fields)
                {
                    if (value is not null)
                        parts.Add($"{key}={Logfmt(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")}");
                }
                return string.Join(' ', parts);
            default:
                return $"{stamp} {level.ToUpperInvariant(),-5} {Plain(message)}";
        }
    }

    private static string Logfmt(string value) =>
        value.Length > 0 && !value.AsSpan().ContainsAny(" =\"\\") && !value.Any(char.IsControl)
            ? value
            : TextEscaping.Quote(value);

    /// <summary>One physical line: line breaks become spaces, other control characters are dropped.</summary>
    private static string Plain(string message)
    {
        var flat = message.ReplaceLineEndings(" ");
        return flat.Any(char.IsControl) ? string.Concat(flat.Where(c => !char.IsControl(c) || c == '\t')) : flat;
    }
}
