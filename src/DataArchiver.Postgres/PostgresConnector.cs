using DataArchiver.Core.Configuration;
using DataArchiver.Postgres.Session;
using Npgsql;

namespace DataArchiver.Postgres;

/// <summary>
/// Builds the one <see cref="NpgsqlDataSource"/> a run uses: every session starts with the settings of
/// <see cref="SessionSettings"/> (a <c>pg_catalog</c>-only search path, fixed output styles, no row security) and the
/// configured statement timeout.
/// </summary>
public sealed class PostgresConnector : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly CancelSession _cancelSession;

    /// <summary>Creates the data source; nothing connects until the first use.</summary>
    public PostgresConnector(DatabaseSettings settings)
    {
        Settings = settings;
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = settings.Host,
            Port = settings.Port,
            Username = settings.User,
            Password = settings.Password,
            Database = settings.Name,
            SslMode = Enum.Parse<SslMode>(settings.SslMode.Replace("-", "", StringComparison.Ordinal), ignoreCase: true),
            // Also sent as startup parameters, which the server applies after the options below: PGTZ or
            // PGCLIENTENCODING in the environment must not override them.
            Timezone = "UTC",
            ClientEncoding = "UTF8",
            ApplicationName = "data-archiver",
            Timeout = 15,
            CommandTimeout = 0,
            // A cancelled command waits this long (ms) for the server to confirm before the connection is dropped:
            // an interrupted run has about two seconds to stop.
            CancellationTimeout = 1000,
            // Keep the password out of anything Npgsql might render.
            PersistSecurityInfo = false,
            IncludeErrorDetail = false,
            MaxPoolSize = 1000,
            Options = SessionSettings.StartupOptions(settings.StatementTimeout),
        };
        _dataSource = new NpgsqlDataSourceBuilder(builder.ConnectionString).Build();
        _cancelSession = new CancelSession(_dataSource);
    }

    /// <summary>The settings this connector was made from.</summary>
    public DatabaseSettings Settings { get; }

    /// <summary>Where we connect, without credentials.</summary>
    public string Describe() => $"postgresql://{Settings.User}@{Settings.Host}:{Settings.Port}/{Settings.Name}";

    /// <summary>Opens a session; failures become <see cref="Core.Extraction.SourceException"/>s marked as access problems.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var opening = _dataSource.OpenConnectionAsync(cancellationToken).AsTask();
        try
        {
            return await opening.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !opening.IsCompleted)
        {
            // Npgsql does not notice a cancellation while it waits for a server that accepted the connection but does
            // not answer; it would wait out the whole connect timeout. Leave that attempt behind, closing its session
            // should it still open.
            _ = opening.ContinueWith(static done => done.Result.Dispose(), CancellationToken.None,
                TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            throw;
        }
        catch (Exception error) when (error is NpgsqlException or TimeoutException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw PostgresErrors.Wrap(error, $"cannot connect to PostgreSQL at {Settings.Host}:{Settings.Port}", connecting: true);
        }
    }

    /// <summary>Opens, in the background, the session <see cref="CancelBackendAsync"/> uses, so it is ready when needed.</summary>
    public void PrepareCancellation() => _cancelSession.Prepare();

    /// <summary>
    /// Cancels the statement the session with <paramref name="backendPid"/> is running, from a session of its own
    /// (any session of the same role may cancel another's statement).
    /// </summary>
    public Task CancelBackendAsync(int backendPid, CancellationToken cancellationToken) =>
        _cancelSession.CancelAsync(backendPid, cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _cancelSession.DisposeAsync();
        await _dataSource.DisposeAsync();
    }
}
