namespace DataArchiver.Postgres.Session;

/// <summary>
/// Makes a cancellation reach the server: when the caller's token fires while a session runs a statement, the
/// statement is cancelled with <c>pg_cancel_backend</c> from another session. Npgsql alone may just drop the
/// connection, and a backend waiting on a lock does not notice that until the lock is granted; it would keep
/// holding its place in the lock queue (and a connection slot) long after we stopped. Disposing waits, briefly,
/// until the cancel request has been delivered, so the process does not end before it is sent.
/// </summary>
internal sealed class ServerCancellation : IAsyncDisposable
{
    /// <summary>How long delivering the cancel may take; a server that does not answer in time is given up on.</summary>
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(1.5);

    private readonly PostgresConnector _connector;
    private readonly int _backendPid;
    private readonly Lock _gate = new();
    private CancellationTokenRegistration _registration;
    private Task? _delivery;

    private ServerCancellation(PostgresConnector connector, int backendPid)
    {
        _connector = connector;
        _backendPid = backendPid;
    }

    /// <summary>Watches <paramref name="cancellationToken"/> on behalf of the session with <paramref name="backendPid"/>.</summary>
    public static ServerCancellation Watch(PostgresConnector connector, int backendPid, CancellationToken cancellationToken)
    {
        connector.PrepareCancellation();
        var watch = new ServerCancellation(connector, backendPid);
        watch._registration = cancellationToken.UnsafeRegister(static state => ((ServerCancellation)state!).Start(), watch);
        return watch;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _registration.DisposeAsync();
        Task? delivery;
        lock (_gate)
            delivery = _delivery;
        if (delivery is not null)
            await delivery;
    }

    private void Start()
    {
        lock (_gate)
            _delivery ??= Task.Run(DeliverAsync);
    }

    private async Task DeliverAsync()
    {
        using var timeout = new CancellationTokenSource(DeliveryTimeout);
        try
        {
            await _connector.CancelBackendAsync(_backendPid, timeout.Token);
        }
        catch (Exception)
        {
            // Best effort: the server is unreachable or slow, and the run is stopping either way.
        }
    }
}
