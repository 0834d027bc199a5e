namespace DataArchiver.Cli;

/// <summary>Runs one <c>list</c>: prints key, size and row count of every archived object under the prefix.</summary>
public static class ListJob
{
    // PLACEHOLDER: the composition root replaces this body with the real listing. It only echoes the
    // settings (ToString leaves secrets out) so the command line can be exercised end to end.
    /// <summary>Lists what <paramref name="settings"/> describe and returns an <see cref="ExitCodes"/> value.</summary>
    public static async Task<int> RunAsync(ListSettings settings, CliContext context, CancellationToken cancellationToken)
    {
        await context.Out.WriteLineAsync(settings.ToString().AsMemory(), cancellationToken);
        return ExitCodes.Ok;
    }
}
