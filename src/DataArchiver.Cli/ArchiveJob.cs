using DataArchiver.Core.Configuration;

namespace DataArchiver.Cli;

/// <summary>Runs one <c>archive</c>: plan, process every unit, report, and return the exit code.</summary>
public static class ArchiveJob
{
    // PLACEHOLDER: the composition root replaces this body with the real pipeline. It only echoes the
    // settings (ToString leaves secrets out) so the command line can be exercised end to end.
    /// <summary>Archives what <paramref name="settings"/> describe and returns an <see cref="ExitCodes"/> value.</summary>
    public static async Task<int> RunAsync(ArchiveSettings settings, CliContext context, CancellationToken cancellationToken)
    {
        await context.Out.WriteLineAsync(settings.ToString().AsMemory(), cancellationToken);
        return ExitCodes.Ok;
    }
}
