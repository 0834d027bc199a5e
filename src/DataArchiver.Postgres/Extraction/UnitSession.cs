using DataArchiver.Core.Extraction;
using DataArchiver.Core.Planning;
using DataArchiver.Core.PostgresTypes;
using DataArchiver.Postgres.Session;
using Npgsql;

namespace DataArchiver.Postgres.Extraction;

/// <summary>The connection of one export, with its columns read and its cancellation watched; disposing closes it.</summary>
internal sealed class UnitSession : IAsyncDisposable
{
    private readonly ServerCancellation _cancellation;

    private UnitSession(NpgsqlConnection connection, ServerCancellation cancellation, IReadOnlyList<ColumnInfo> columns)
    {
        Connection = connection;
        _cancellation = cancellation;
        Columns = columns;
    }

    /// <summary>The open connection.</summary>
    public NpgsqlConnection Connection { get; }

    /// <summary>The unit's columns in table order.</summary>
    public IReadOnlyList<ColumnInfo> Columns { get; }

    /// <summary>Connects and reads the columns of <paramref name="unit"/>; a missing table is a permanent failure.</summary>
    public static async Task<UnitSession> OpenAsync(PostgresConnector connector, WorkUnit unit, CancellationToken cancellationToken)
    {
        var connection = await connector.OpenAsync(cancellationToken);
        var cancellation = ServerCancellation.Watch(connector, connection.ProcessID, cancellationToken);
        try
        {
            var columns = await ColumnQuery.ReadAsync(connection, unit.Source, cancellationToken);
            if (columns.Count == 0 && await PostgresCatalog.ResolveAsync(connection, unit.Source, cancellationToken) is null)
                throw new SourceException($"table {unit.Source} no longer exists", isTransient: false);
            return new UnitSession(connection, cancellation, columns);
        }
        catch
        {
            await cancellation.DisposeAsync();
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _cancellation.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
