using DataArchiver.Core.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DataArchiver.Cli.Configuration;

/// <summary>
/// Reads the YAML config file: a mapping with the sections <c>db</c> and <c>s3</c> and top-level keys, exactly the
/// keys of <see cref="SettingKeys.ConfigFileKeys"/>. Unknown keys, lists, repeated keys and malformed YAML are
/// errors naming the key and line; a key with an empty or null value counts as unset.
/// </summary>
internal static class ConfigFile
{
    private static readonly string[] NullWords = ["", "~", "null", "Null", "NULL"];

    /// <summary>Reads <paramref name="path"/>; a missing file is an error only when <paramref name="mustExist"/>.</summary>
    public static IReadOnlyDictionary<string, SettingValue> Load(string path, bool mustExist)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            if (mustExist)
                throw new ConfigurationException($"config file {path} does not exist");
            return new Dictionary<string, SettingValue>();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"cannot read config file {path}: {error.Message}");
        }
        return Parse(text, path);
    }

    /// <summary>Parses YAML <paramref name="text"/>; <paramref name="path"/> is only used in messages and origins.</summary>
    public static IReadOnlyDictionary<string, SettingValue> Parse(string text, string path)
    {
        var stream = new YamlStream();
        var parser = new PositionTrackingParser(new Parser(new StringReader(text)));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException error)
        {
            throw new ConfigurationException($"config file {path} line {error.Start.Line}: malformed YAML: {Describe(error)}");
        }
        catch (InvalidOperationException)
        {
            // Some scanner failures surface without a position; the last event read is as close as we can get.
            throw new ConfigurationException($"config file {path} line {parser.LastLine}: malformed YAML after this line");
        }
        var values = new Dictionary<string, SettingValue>(StringComparer.Ordinal);
        if (stream.Documents.Count == 0)
            return values;
        if (stream.Documents.Count > 1)
            throw new ConfigurationException($"config file {path} line {stream.Documents[1].RootNode.Start.Line}: holds more than one YAML document");
        switch (stream.Documents[0].RootNode)
        {
            case YamlMappingNode mapping:
                Collect(mapping, "", path, values);
                return values;
            case YamlScalarNode scalar when IsNull(scalar):
                return values;
            case var other:
                throw new ConfigurationException($"config file {path} line {other.Start.Line}: expected keys and values at the top level");
        }
    }

    private static void Collect(YamlMappingNode mapping, string prefix, string path, Dictionary<string, SettingValue> values)
    {
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var line = keyNode.Start.Line;
            if (keyNode is not YamlScalarNode { Value: { } keyText })
                throw new ConfigurationException($"config file {path} line {line}: a key must be a plain name");
            var name = prefix + keyText;
            switch (valueNode)
            {
                case YamlMappingNode section when IsSection(name):
                    Collect(section, name + ".", path, values);
                    break;
                case YamlScalarNode scalar when SettingKeys.ConfigFileKeys.ContainsKey(name):
                    if (values.ContainsKey(name))
                        throw new ConfigurationException($"config file {path} line {line}: key \"{name}\" is given twice");
                    if (!IsNull(scalar))
                        values.Add(name, new SettingValue(scalar.Value ?? "", SettingSource.ConfigFile, $"{name} in {path} line {line}"));
                    break;
                case YamlScalarNode scalar when IsSection(name) && IsNull(scalar):
                    break;
                case var _ when !SettingKeys.ConfigFileKeys.ContainsKey(name) && !IsSection(name):
                    throw new ConfigurationException($"config file {path} line {line}: unknown key \"{name}\"");
                case YamlSequenceNode:
                    throw new ConfigurationException($"config file {path} line {line}: \"{name}\" must be a single value, not a list");
                default:
                    throw new ConfigurationException(IsSection(name)
                        ? $"config file {path} line {line}: \"{name}\" must be a section of keys"
                        : $"config file {path} line {line}: \"{name}\" must be a single value");
            }
        }
    }

    private static bool IsSection(string name) =>
        SettingKeys.ConfigFileKeys.Keys.Any(key => key.StartsWith(name + ".", StringComparison.Ordinal));

    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && NullWords.Contains(scalar.Value ?? "", StringComparer.Ordinal);

    private static string Describe(YamlException error)
    {
        // YamlDotNet prefixes its message with "(Line: …, Col: …, Idx: …) - (…): "; the line is reported separately.
        var message = error.Message;
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith('(') && marker >= 0)
            message = message[(marker + 3)..];
        return message.ReplaceLineEndings(" ").Trim();
    }
}
