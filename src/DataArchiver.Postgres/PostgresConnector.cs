using DataArchiver.Core.Configuration;
using Npgsql;

namespace DataArchiver.Postgres;

/// <summary>
/// Builds the one <see cref="NpgsqlDataSource"/> a run uses: every session runs with <c>TimeZone=UTC</c> (so text
/// renderings of timestamps are stable) and the configured statement timeout.
/// </summary>
public sealed class PostgresConnector : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

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
            Timezone = "UTC",
            ApplicationName = "data-archiver",
            Timeout = 15,
            CommandTimeout = 0,
            // Keep the password out of anything Npgsql might render.
            PersistSecurityInfo = false,
            IncludeErrorDetail = false,
            MaxPoolSize = 1000,
        };
        if (settings.StatementTimeout > TimeSpan.Zero)
            builder.Options = $"-c statement_timeout={(long)settings.StatementTimeout.TotalMilliseconds}";
        _dataSource = new NpgsqlDataSourceBuilder(builder.ConnectionString).Build();
    }

    /// <summary>The settings this connector was made from.</summary>
    public DatabaseSettings Settings { get; }

    /// <summary>Where we connect, without credentials.</summary>
    public string Describe() => $"postgresql://{Settings.User}@{Settings.Host}:{Settings.Port}/{Settings.Name}";

    /// <summary>Opens a session; failures become <see cref="Core.Extraction.SourceException"/>s marked as access problems.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception error) when (error is NpgsqlException or TimeoutException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw PostgresErrors.Wrap(error, $"cannot connect to PostgreSQL at {Settings.Host}:{Settings.Port}", connecting: true);
        }
    }

    /// <summary>
    /// Cancels the statement the session with <paramref name="backendPid"/> is running, from a session of its own
    /// (any session of the same role may cancel another's statement).
    /// </summary>
    public async Task CancelBackendAsync(int backendPid, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_cancel_backend($1)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = backendPid });
        await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
