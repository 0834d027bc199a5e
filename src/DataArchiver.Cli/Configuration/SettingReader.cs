using System.Globalization;
using DataArchiver.Core.Configuration;

namespace DataArchiver.Cli.Configuration;

/// <summary>
/// Typed reads of merged settings. Every rejection is a <see cref="ConfigurationException"/> with one line that
/// names the flag, the bad value (never for secrets) and, when it did not come from the command line, its source.
/// </summary>
internal sealed class SettingReader(SettingValues values)
{
    private static readonly string[] TrueWords = ["true", "1", "yes", "on"];
    private static readonly string[] FalseWords = ["false", "0", "no", "off"];

    /// <summary>The winning value, or <c>null</c> when nothing sets the key.</summary>
    public SettingValue? Get(SettingKey key) => values.Get(key);

    /// <summary>The trimmed text, or <c>null</c> when unset or blank.</summary>
    public string? Text(SettingKey key) =>
        values.Get(key) is { } value && !string.IsNullOrWhiteSpace(value.Text) ? value.Text.Trim() : null;

    /// <summary>The text, unchanged (passwords may begin or end with spaces), or <c>null</c> when unset or empty.</summary>
    public string? Secret(SettingKey key) => values.Get(key) is { Text.Length: > 0 } value ? value.Text : null;

    /// <summary>The trimmed text; throws when unset or blank.</summary>
    public string Required(SettingKey key) => Text(key) ?? throw Missing(key);

    /// <summary>The secret, unchanged; throws when unset or empty.</summary>
    public string RequiredSecret(SettingKey key) => Secret(key) ?? throw Missing(key);

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>]; throws when unset, malformed or out of range.</summary>
    public int Int(SettingKey key, int min, int max, string rangeNote = "")
    {
        var value = values.Get(key) ?? throw Missing(key);
        if (!int.TryParse(value.Text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            throw Invalid(key, value, "must be a whole number");
        if (number < min || number > max)
            throw Invalid(key, value, (max == int.MaxValue ? $"must be at least {min}" : $"must be between {min} and {max}") + rangeNote);
        return number;
    }

    /// <summary>A switch: false when unset; true/false, 1/0, yes/no or on/off (any case) otherwise.</summary>
    public bool Switch(SettingKey key)
    {
        if (values.Get(key) is not { } value)
            return false;
        var text = value.Text.Trim();
        if (TrueWords.Contains(text, StringComparer.OrdinalIgnoreCase))
            return true;
        if (FalseWords.Contains(text, StringComparer.OrdinalIgnoreCase))
            return false;
        throw Invalid(key, value, "must be true or false");
    }

    /// <summary>A calendar day written exactly <c>YYYY-MM-DD</c>, or <c>null</c> when unset.</summary>
    public DateOnly? Date(SettingKey key)
    {
        if (values.Get(key) is not { } value || string.IsNullOrWhiteSpace(value.Text))
            return null;
        var text = value.Text.Trim();
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw Invalid(key, value, "must be a date written YYYY-MM-DD");
        return date;
    }

    /// <summary>One of <paramref name="names"/> (case-insensitive) as spelled there, or <c>null</c> when unset.</summary>
    public string? OneOf(SettingKey key, IReadOnlyList<string> names)
    {
        if (values.Get(key) is not { } value || string.IsNullOrWhiteSpace(value.Text))
            return null;
        var text = value.Text.Trim();
        return names.FirstOrDefault(name => string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            ?? throw Invalid(key, value, "must be one of " + string.Join(", ", names));
    }

    /// <summary>The enum value named by one of <paramref name="choices"/> (case-insensitive), or <c>null</c> when unset.</summary>
    public T? Choice<T>(SettingKey key, IReadOnlyList<(string Name, T Value)> choices) where T : struct =>
        OneOf(key, choices.Select(choice => choice.Name).ToList()) is { } name
            ? choices.First(choice => choice.Name == name).Value
            : null;

    /// <summary>
    /// A size in bytes within [<paramref name="min"/>, <paramref name="max"/>] (see <see cref="ByteSize"/>), or
    /// <c>null</c> when unset or <c>auto</c>.
    /// </summary>
    public long? Size(SettingKey key, long min, long max)
    {
        if (values.Get(key) is not { } value || string.IsNullOrWhiteSpace(value.Text)
            || string.Equals(value.Text.Trim(), "auto", StringComparison.OrdinalIgnoreCase))
            return null;
        if (!ByteSize.TryParse(value.Text, out var bytes))
            throw Invalid(key, value, "must be a size such as 104857600, 100MiB or 64MB");
        if (bytes < min || bytes > max)
            throw Invalid(key, value, $"must be between {ByteSize.Format(min)} and {ByteSize.Format(max)}");
        return bytes;
    }

    /// <summary>The exception for a value that breaks a rule: names the flag, the value (unless secret) and its source.</summary>
    public static ConfigurationException Invalid(SettingKey key, SettingValue value, string problem) =>
        new(key.IsSecret
            ? $"{key.Flag} {problem}{value.OriginSuffix}"
            : $"{key.Flag} {problem}, got {TextEscaping.Quote(value.Text)}{value.OriginSuffix}");

    /// <summary>The exception for a required setting that no source gives.</summary>
    public static ConfigurationException Missing(SettingKey key)
    {
        var elsewhere = new List<string>();
        if (key.InEnvironment)
            elsewhere.Add(key.EnvironmentVariable);
        if (key.InConfigFile)
            elsewhere.Add($"{key.Name} in the config file");
        return new ConfigurationException(elsewhere.Count == 0
            ? $"{key.Flag} is required"
            : $"{key.Flag} is required (or set {string.Join(" or ", elsewhere)})");
    }
}
