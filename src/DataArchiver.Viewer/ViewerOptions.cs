using System.Net;

namespace DataArchiver.Viewer;

/// <summary>Where the viewer listens and what it guards itself with.</summary>
public sealed record ViewerOptions
{
    /// <summary>The port used unless configured.</summary>
    public const int DefaultPort = 8080;

    /// <summary>The address listened on unless configured: loopback only.</summary>
    public const string DefaultAddress = "127.0.0.1";

    /// <summary>The address to listen on.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The port (0 picks a free one).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>The token every request must carry; required for a non-loopback address.</summary>
    public string? Token { get; init; }

    /// <summary>The state directory whose files are shown.</summary>
    public required string StateDirectory { get; init; }

    /// <summary>The tool's version, as <c>/api/status</c> reports it.</summary>
    public required string Version { get; init; }

    /// <summary>Whether <see cref="Address"/> is a loopback address.</summary>
    public bool IsLoopback => IPAddress.IsLoopback(Address);

    /// <summary>Never shows the token.</summary>
    public override string ToString() => $"ViewerOptions {{ {Address}:{Port}, token {(Token is null ? "none" : "set")} }}";
}
