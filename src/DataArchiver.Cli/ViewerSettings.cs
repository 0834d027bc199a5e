using System.Net;
using DataArchiver.Viewer;

namespace DataArchiver.Cli;

/// <summary>The web view's settings, already validated. <see cref="ToString"/> never shows the token.</summary>
public sealed record ViewerSettings
{
    /// <summary>Whether <c>archive</c> serves the view (the <c>viewer</c> command always does).</summary>
    public bool Enabled { get; init; }
    /// <summary>The address to listen on.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;
    /// <summary>The port; 0 picks a free one.</summary>
    public int Port { get; init; } = ViewerOptions.DefaultPort;
    /// <summary>The token requests must carry, if any.</summary>
    public string? Token { get; init; }
    /// <summary>What the operator should hear about the settings (a legacy key that is ignored).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The server's options for <paramref name="stateDirectory"/>.</summary>
    public ViewerOptions ToOptions(string stateDirectory, string version) => new()
    {
        Address = Address,
        Port = Port,
        Token = Token,
        StateDirectory = stateDirectory,
        Version = version,
    };

    /// <summary>Never shows the token.</summary>
    public override string ToString() => $"ViewerSettings {{ Enabled = {Enabled}, {Address}:{Port}, token {(Token is null ? "none" : "set")} }}";
}
