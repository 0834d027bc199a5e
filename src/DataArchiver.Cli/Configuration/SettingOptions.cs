using System.CommandLine;
using System.CommandLine.Parsing;

namespace DataArchiver.Cli.Configuration;

/// <summary>
/// The command-line options of a set of settings. Options carry no default values: a value is a flag's only when
/// it was given explicitly, so the other sources can fill the rest (defaults show up in help text only).
/// </summary>
/// <remarks>
/// A flag given more than once takes its last value (<c>--table a --table b</c> archives <c>b</c>), as the Go tool
/// does: wrapper scripts append overrides to a fixed command line. Each occurrence still takes exactly one value.
/// </remarks>
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
                Option<bool> flag => LastSwitchValue(parseResult, flag) ? "true" : "false",
                Option<string> value => parseResult.GetValue(value) ?? "",
                _ => throw new InvalidOperationException($"unexpected option type for {key.Flag}"),
            };
            given.Add(key.Name, new SettingValue(text, SettingSource.Flag, key.Flag));
        }
        return given;
    }

    /// <summary>
    /// A switch's value at its last occurrence: <c>true</c> when given bare, else the value that follows it. The
    /// parser gathers the values of every occurrence without saying which were bare, so this reads the tokens.
    /// </summary>
    private static bool LastSwitchValue(ParseResult parseResult, Option<bool> option)
    {
        var tokens = parseResult.Tokens;
        for (var i = tokens.Count - 1; i >= 0; i--)
        {
            if (tokens[i].Type != TokenType.Option || !(tokens[i].Value == option.Name || option.Aliases.Contains(tokens[i].Value)))
                continue;
            return i + 1 >= tokens.Count || tokens[i + 1].Type != TokenType.Argument || !bool.TryParse(tokens[i + 1].Value, out var value) || value;
        }
        return parseResult.GetValue(option);
    }

    private static Option Create(SettingKey key) => key.IsSwitch
        ? new Option<bool>(key.Flag)
        {
            Description = key.HelpText,
            Arity = ArgumentArity.ZeroOrMore,
            // Only words that parse as booleans attach to a switch; anything else is left over and reported as such.
            CustomParser = static result => result.Tokens.Count == 0 || bool.Parse(result.Tokens[^1].Value),
        }
        : new Option<string>(key.Flag)
        {
            Description = key.HelpText,
            HelpName = key.HelpName,
            Arity = ArgumentArity.OneOrMore,
            CustomParser = static result => result.Tokens[^1].Value,
        };
}
