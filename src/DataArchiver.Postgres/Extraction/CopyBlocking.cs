namespace DataArchiver.Postgres.Extraction;

/// <summary>
/// Runs the row loop of a COPY synchronously on a thread of its own. Npgsql hands out at most one COPY message (one
/// row) per read and its asynchronous read allocates on every call, so asynchronous reads would make garbage in
/// proportion to the rows; the blocking loop makes none, and its own thread keeps a long blocking loop off the thread
/// pool. A cancellation asks the server to cancel the COPY, which ends a blocked read with an error.
/// </summary>
internal static class CopyBlocking
{
    /// <summary>
    /// Runs <paramref name="loop"/>, calling <paramref name="cancel"/> (the COPY's own cancel request) if
    /// <paramref name="cancellationToken"/> fires meanwhile; a failure after that becomes an <see cref="OperationCanceledException"/>.
    /// </summary>
    public static async Task<long> RunAsync(Func<long> loop, Action cancel, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var task = Task.Factory.StartNew(loop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            using (cancellationToken.Register(static state => CancelQuietly((Action)state!), cancel))
                return await task.ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("the export was cancelled", error, cancellationToken);
        }
    }

    private static void CancelQuietly(Action cancel)
    {
        try
        {
            cancel();
        }
        catch (Exception)
        {
            // The COPY already ended (finished or failed); there is nothing left to cancel.
        }
    }
}
