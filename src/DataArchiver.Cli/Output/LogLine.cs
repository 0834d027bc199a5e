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
    // The relaxed encoder leaves non-ASCII text readable but still escapes control characters (ESC included).
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The line for <paramref name="message"/> at <paramref name="level"/>; fields whose value is <c>null</c> are left out.</summary>
    public static string Format(LogFormat format, DateTimeOffset time, string level, string message, params (string Key, object? Value)[] fields)
    {
        var stamp = time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        switch (format)
        {
            case LogFormat.Json:
                return Json(stamp, level, message, fields);
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

    /// <summary>A JSON object written field by field (no reflection): numbers and booleans as such, everything else as text.</summary>
    private static string Json(string stamp, string level, string message, (string Key, object? Value)[] fields)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("time", stamp);
            json.WriteString("level", level);
            json.WriteString("msg", message);
            var written = new HashSet<string>(StringComparer.Ordinal) { "time", "level", "msg" };
            foreach (var (key, value) in fields)
            {
                if (value is null || !written.Add(key))
                    continue;
                json.WritePropertyName(key);
                switch (value)
                {
                    case bool flag: json.WriteBooleanValue(flag); break;
                    case int number: json.WriteNumberValue(number); break;
                    case long number: json.WriteNumberValue(number); break;
                    case double number: json.WriteNumberValue(number); break;
                    case decimal number: json.WriteNumberValue(number); break;
                    default: json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
                }
            }
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
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
