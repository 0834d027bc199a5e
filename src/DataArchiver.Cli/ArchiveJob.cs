namespace DataArchiver.Cli;

/// <summary>Runs one <c>archive</c>: plan, process every unit, report, and return the exit code.</summary>
public static class ArchiveJob
{
    /// <summary>Archives what <paramref name="settings"/> describe and returns an <see cref="ExitCodes"/> value.</summary>
    public static Task<int> RunAsync(ArchiveSettings settings, CliContext context, CancellationToken cancellationToken) =>
        ArchiveComposition.RunAsync(settings, context.Out, context.Error, context.IsOutputTerminal, context.LastResort, context.Time, cancellationToken);
}
