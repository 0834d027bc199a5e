namespace DataArchiver.Cli.Configuration;

/// <summary>Validates merged settings into <see cref="ListSettings"/>.</summary>
internal static class ListSettingsBinder
{
    /// <summary>Builds the settings of a <c>list</c> run.</summary>
    public static ListSettings Bind(SettingReader reader)
    {
        var localDirectory = reader.Text(SettingKeys.LocalDir);
        return new ListSettings
        {
            S3 = localDirectory is null ? S3SettingsBinder.Bind(reader, uploads: false) : null,
            LocalDirectory = localDirectory,
            Prefix = reader.Get(SettingKeys.Prefix)?.Text ?? "",
            Debug = reader.Switch(SettingKeys.Debug),
        };
    }
}
