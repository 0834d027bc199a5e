using DataArchiver.Core.Pipeline;
using DataArchiver.Viewer;

namespace DataArchiver.Cli.Viewer;

/// <summary>Starts the web view for <c>archive --viewer</c> and the <c>viewer</c> command.</summary>
internal static class ViewerHost
{
    /// <summary>
    /// Starts the view of <paramref name="stateDirectory"/> (and of <paramref name="run"/>, when given) unless the
    /// settings leave it off; returns <c>null</c> then. The address is announced through <paramref name="announce"/>,
    /// the token never.
    /// </summary>
    public static async Task<ViewerServer?> StartAsync(ViewerSettings settings, string stateDirectory, ViewerRun? run,
        TimeProvider clock, Action<string> announce, CancellationToken cancellationToken)
    {
        if (!settings.Enabled)
            return null;
        var server = await ViewerServer.StartAsync(settings.ToOptions(stateDirectory, Version), run, clock, cancellationToken);
        announce($"viewer at {server.Address} (state directory {stateDirectory}{(settings.Token is null ? "" : "; open it with ?token=…")})");
        return server;
    }

    /// <summary>The version the status reports.</summary>
    public static string Version => ObjectMetadata.ToolVersion;
}
