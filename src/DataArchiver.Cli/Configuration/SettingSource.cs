namespace DataArchiver.Cli.Configuration;

/// <summary>Where a setting's value came from, highest precedence first.</summary>
internal enum SettingSource
{
    /// <summary>Given explicitly on the command line.</summary>
    Flag,
    /// <summary>An <c>ARCHIVE_*</c> environment variable.</summary>
    Environment,
    /// <summary>The YAML config file.</summary>
    ConfigFile,
    /// <summary>The built-in default.</summary>
    Default,
}
