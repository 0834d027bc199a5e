namespace DataArchiver.Cli.Commands;

/// <summary>What the error report needs to know about the run once settings are bound: debug mode, log format and the secrets to hide.</summary>
internal sealed class RunState
{
    /// <summary>The format of log lines, which the error report follows too.</summary>
    public Core.Configuration.LogFormat LogFormat { get; set; }

    /// <summary>Whether stack traces may follow an unexpected error.</summary>
    public bool Debug { get; set; }

    /// <summary>The secrets of this run.</summary>
    public SecretRedactor Secrets { get; } = new();
}
