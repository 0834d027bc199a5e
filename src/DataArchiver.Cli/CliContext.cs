using System.Collections;

namespace DataArchiver.Cli;

/// <summary>What a command may touch of the outside world, handed in so tests can supply their own.</summary>
public sealed record CliContext
{
    /// <summary>Standard output: results, help, progress.</summary>
    public required TextWriter Out { get; init; }
    /// <summary>Standard error: the one-line error report.</summary>
    public required TextWriter Error { get; init; }
    /// <summary>Whether standard output is an interactive terminal (live progress) rather than a pipe or file (log lines).</summary>
    public bool IsOutputTerminal { get; init; }
    /// <summary>The environment variables (<c>ARCHIVE_*</c>, <c>HOME</c>, …), read-only.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    /// <summary>The clock (today's date is the default end date).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
    /// <summary>Cleanups to run when a second interrupt ends the process at once (registered by the running command).</summary>
    public LastResortCleanup LastResort { get; init; } = new();
    /// <summary>What <c>archive</c> runs once its settings are bound (tests of the command line hand in their own).</summary>
    public Func<ArchiveSettings, CliContext, CancellationToken, Task<int>> RunArchive { get; init; } = ArchiveJob.RunAsync;
    /// <summary>What <c>list</c> runs once its settings are bound.</summary>
    public Func<ListSettings, CliContext, CancellationToken, Task<int>> RunList { get; init; } = ListJob.RunAsync;

    /// <summary>The context of this process: the console, its environment and the system clock.</summary>
    public static CliContext FromProcess()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
            environment[(string)entry.Key] = entry.Value as string ?? "";
        return new CliContext
        {
            Out = Console.Out,
            Error = Console.Error,
            IsOutputTerminal = !Console.IsOutputRedirected,
            Environment = environment,
        };
    }

    /// <inheritdoc />
    public override string ToString() => $"CliContext {{ IsOutputTerminal = {IsOutputTerminal} }}";
}
