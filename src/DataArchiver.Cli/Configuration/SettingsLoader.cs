using DataArchiver.Core.Configuration;

namespace DataArchiver.Cli.Configuration;

/// <summary>
/// Gathers the sources of one command: the flags given explicitly, the environment, and the config file named by
/// <c>--config</c>, else <c>ARCHIVE_CONFIG</c>, else <c>~/.data-archiver.yaml</c> (only a named file must exist).
/// </summary>
internal static class SettingsLoader
{
    /// <summary>Reads the config file and returns the merged settings.</summary>
    public static SettingReader Load(IReadOnlyDictionary<string, SettingValue> flags, IReadOnlyDictionary<string, string> environment)
    {
        var withoutFile = new SettingValues(flags, environment, new Dictionary<string, SettingValue>());
        var (path, mustExist) = ConfigPath(withoutFile, environment);
        var file = ConfigFile.Load(path, mustExist);
        return new SettingReader(new SettingValues(flags, environment, file));
    }

    /// <summary>The user's home directory: <c>HOME</c>, else the system's idea of the user profile.</summary>
    public static string Home(IReadOnlyDictionary<string, string> environment) =>
        environment.TryGetValue("HOME", out var fromEnvironment) && fromEnvironment.Length > 0
            ? fromEnvironment
            : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    /// <summary>The config file to read and whether it must exist.</summary>
    public static (string Path, bool MustExist) ConfigPath(SettingValues values, IReadOnlyDictionary<string, string> environment)
    {
        var home = Home(environment);
        if (values.Get(SettingKeys.Config) is { Text.Length: > 0 } named)
        {
            var path = named.Text.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(home, named.Text[2..]) : named.Text;
            return (path, true);
        }
        return (Path.Combine(home, Defaults.ConfigFileName), false);
    }
}
