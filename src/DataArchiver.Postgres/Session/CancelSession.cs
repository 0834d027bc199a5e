using Npgsql;

namespace DataArchiver.Postgres.Session;

/// <summary>
/// A session kept for one job: cancelling the statements of the run's other sessions when the run is interrupted.
/// It is opened in the background as soon as units start, so a cancellation never waits for a login, which on a
/// loaded machine can take longer than the two seconds an interrupted run has to stop.
/// </summary>
internal sealed class CancelSession(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _opening = new();
    private Task<NpgsqlConnection>? _connection;

    /// <summary>Starts opening the session unless it is open or on its way; never throws.</summary>
    public void Prepare()
    {
        lock (_opening)
        {
            if (_connection is null || _connection.IsFaulted || _connection.IsCanceled)
                _connection = dataSource.OpenConnectionAsync().AsTask();
        }
    }

    /// <summary>Cancels the statement the session with <paramref name="backendPid"/> is running.</summary>
    public async Task CancelAsync(int backendPid, CancellationToken cancellationToken)
    {
        Prepare();
        Task<NpgsqlConnection> opening;
        lock (_opening)
            opening = _connection!;
        var connection = await opening.WaitAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_catalog.pg_cancel_backend($1)", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = backendPid });
            await command.ExecuteScalarAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Task<NpgsqlConnection>? opening;
        lock (_opening)
            opening = _connection;
        if (opening is not null)
        {
            try
            {
                await (await opening).DisposeAsync();
            }
            catch (Exception error) when (error is NpgsqlException or TimeoutException or IOException or OperationCanceledException)
            {
                // It never opened; nothing to close.
            }
        }
        _gate.Dispose();
    }
}
