using System.CommandLine;

namespace DataArchiver.Cli.Configuration;

/// <summary>
/// The command-line options of a set of settings. Options carry no default values: a value is a flag's only when
/// it was given explicitly, so the other sources can fill the rest (defaults show up in help text only).
/// </summary>
internal sealed class SettingOptions
{
    private readonly List<(SettingKey Key, Option Option)> _options;

    /// <summary>Creates one option per key.</summary>
    public SettingOptions(IEnumerable<SettingKey> keys) =>
        _options = keys.Select(key => (key, Create(key))).ToList();

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var (_, option) in _options)
            command.Options.Add(option);
    }

    /// <summary>The values of the flags given explicitly, by setting name.</summary>
    public IReadOnlyDictionary<string, SettingValue> Explicit(ParseResult parseResult)
    {
        var given = new Dictionary<string, SettingValue>(StringComparer.Ordinal);
        foreach (var (key, option) in _options)
        {
            if (parseResult.GetResult(option) is not { Implicit: false })
                continue;
            var text = option switch
            {
                Option<bool> flag => parseResult.GetValue(flag) ? "true" : "false",
                Option<string> value => parseResult.GetValue(value) ?? "",
                _ => throw new InvalidOperationException($"unexpected option type for {key.Flag}"),
            };
            given.Add(key.Name, new SettingValue(text, SettingSource.Flag, key.Flag));
        }
        return given;
    }

    private static Option Create(SettingKey key) => key.IsSwitch
        ? new Option<bool>(key.Flag) { Description = key.HelpText }
        : new Option<string>(key.Flag) { Description = key.HelpText, HelpName = key.HelpName };
}
