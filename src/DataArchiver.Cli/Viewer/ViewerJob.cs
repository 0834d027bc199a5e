namespace DataArchiver.Cli.Viewer;

/// <summary>Runs the <c>viewer</c> command: serves the state directory until interrupted.</summary>
internal static class ViewerJob
{
    /// <summary>Serves until <paramref name="cancellationToken"/> fires; returns <see cref="ExitCodes.Ok"/>.</summary>
    public static async Task<int> RunAsync(ViewerSettings settings, string stateDirectory, CliContext context, CancellationToken cancellationToken)
    {
        foreach (var warning in settings.Warnings)
            await context.Error.WriteLineAsync("warning: " + warning);
        await using var server = await ViewerHost.StartAsync(settings with { Enabled = true }, stateDirectory, run: null, context.Time,
            line => context.Out.WriteLine(line), cancellationToken);
        await context.Out.FlushAsync(cancellationToken);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, context.Time, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        return ExitCodes.Ok;
    }
}
