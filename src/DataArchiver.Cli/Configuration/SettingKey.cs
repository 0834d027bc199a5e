namespace DataArchiver.Cli.Configuration;

/// <summary>
/// One setting as every source knows it: the config-file key (<c>db.host</c>), the flag (<c>--db-host</c>) and
/// the environment variable (<c>ARCHIVE_DB_HOST</c>), with its default and help text.
/// </summary>
/// <param name="Name">The config-file key, dotted for nested sections.</param>
/// <param name="Flag">The command-line flag, with its leading dashes.</param>
/// <param name="HelpName">The placeholder shown for the value in help; ignored for switches.</param>
/// <param name="Description">One line of help.</param>
/// <param name="Default">The value used when no source gives one, in the same text form a source would.</param>
/// <param name="DefaultText">How the default is shown in help when it differs from <paramref name="Default"/>.</param>
internal sealed record SettingKey(
    string Name,
    string Flag,
    string HelpName,
    string Description,
    string? Default = null,
    string? DefaultText = null)
{
    /// <summary>A flag without a value (<c>--dry-run</c>); true/false from the other sources.</summary>
    public bool IsSwitch { get; init; }

    /// <summary>The value is a password or key: it is never echoed, not even in error messages.</summary>
    public bool IsSecret { get; init; }

    /// <summary>Whether the config file may set it (not so for <c>--config</c> itself or per-call flags).</summary>
    public bool InConfigFile { get; init; } = true;

    /// <summary>Whether an <c>ARCHIVE_*</c> environment variable may set it.</summary>
    public bool InEnvironment { get; init; } = true;

    /// <summary>The environment variable: <c>ARCHIVE_</c> + the key upper-cased with <c>.</c> → <c>_</c>.</summary>
    public string EnvironmentVariable => "ARCHIVE_" + Name.ToUpperInvariant().Replace('.', '_');

    /// <summary>The help line: the description followed by the default, if there is one to show.</summary>
    public string HelpText => (DefaultText ?? Default) is { } shown ? $"{Description} [default: {shown}]" : Description;
}
