namespace DataArchiver.Cli.Configuration;

/// <summary>
/// The merged view of all sources with the one precedence rule: an explicitly given flag, else the
/// <c>ARCHIVE_*</c> environment variable, else the config file, else the default. An empty environment
/// variable counts as unset.
/// </summary>
internal sealed class SettingValues
{
    private readonly IReadOnlyDictionary<string, SettingValue> _flags;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly IReadOnlyDictionary<string, SettingValue> _file;

    /// <summary>Combines the sources; <paramref name="flags"/> holds only flags given explicitly.</summary>
    public SettingValues(
        IReadOnlyDictionary<string, SettingValue> flags,
        IReadOnlyDictionary<string, string> environment,
        IReadOnlyDictionary<string, SettingValue> file)
    {
        _flags = flags;
        _environment = environment;
        _file = file;
    }

    /// <summary>The winning value of <paramref name="key"/>, or <c>null</c> when no source (not even a default) sets it.</summary>
    public SettingValue? Get(SettingKey key)
    {
        if (_flags.TryGetValue(key.Name, out var flag))
            return flag;
        if (key.InEnvironment && _environment.TryGetValue(key.EnvironmentVariable, out var variable) && variable.Length > 0)
            return new SettingValue(variable, SettingSource.Environment, key.EnvironmentVariable);
        if (key.InConfigFile && _file.TryGetValue(key.Name, out var fromFile))
            return fromFile;
        return key.Default is { } fallback ? new SettingValue(fallback, SettingSource.Default, "default") : null;
    }
}
