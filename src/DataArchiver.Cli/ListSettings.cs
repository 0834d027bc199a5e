using DataArchiver.Core.Configuration;

namespace DataArchiver.Cli;

/// <summary>Everything one <c>list</c> run needs, already validated. Secrets stay inside <see cref="S3"/>, whose <c>ToString</c> omits them.</summary>
public sealed record ListSettings
{
    /// <summary>The S3 store to list; <c>null</c> when <see cref="LocalDirectory"/> is used.</summary>
    public S3Settings? S3 { get; init; }
    /// <summary>List objects below this directory instead of S3.</summary>
    public string? LocalDirectory { get; init; }
    /// <summary>Only objects whose key starts with this; empty for all.</summary>
    public string Prefix { get; init; } = "";
    /// <summary>Verbose diagnostics.</summary>
    public bool Debug { get; init; }
}
