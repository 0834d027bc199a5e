using System.Net;
using DataArchiver.Core.Configuration;

namespace DataArchiver.Cli.Configuration;

/// <summary>
/// Validates the web view's settings: address (an IP address or <c>localhost</c>), port, token. A non-loopback address
/// without a token is refused: the view shows what is archived where, and must not be open to the network.
/// </summary>
internal static class ViewerSettingsBinder
{
    /// <summary>Binds the settings; <paramref name="enabled"/> is whether the view will be served.</summary>
    public static ViewerSettings Bind(SettingReader reader, bool enabled)
    {
        var address = BindAddress(reader);
        var token = reader.Secret(SettingKeys.ViewerToken);
        if (enabled && !IPAddress.IsLoopback(address) && token is null)
            throw new ConfigurationException(
                $"--viewer-addr {address} is not a loopback address: set --viewer-token (or ARCHIVE_VIEWER_TOKEN) to serve the viewer there");
        var warnings = new List<string>();
        if (reader.Get(SettingKeys.CacheViewer) is not null)
            warnings.Add($"{reader.Get(SettingKeys.CacheViewer)?.Origin}: cache_viewer is ignored (the Go tool never read it either); use viewer: true");
        return new ViewerSettings
        {
            Enabled = enabled,
            Address = address,
            Port = reader.Int(SettingKeys.ViewerPort, 0, 65535),
            Token = token,
            Warnings = warnings,
        };
    }

    private static IPAddress BindAddress(SettingReader reader)
    {
        if (reader.Get(SettingKeys.ViewerAddr) is not { Text.Length: > 0 } value)
            return IPAddress.Loopback;
        var text = value.Text.Trim();
        if (string.Equals(text, "localhost", StringComparison.OrdinalIgnoreCase))
            return IPAddress.Loopback;
        if (IPAddress.TryParse(text.Trim('[', ']'), out var address))
            return address;
        throw SettingReader.Invalid(SettingKeys.ViewerAddr, value, "must be an IP address (such as 127.0.0.1, 0.0.0.0 or ::1) or localhost");
    }
}
