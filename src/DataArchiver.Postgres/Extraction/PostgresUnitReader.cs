using DataArchiver.Core.Extraction;
using DataArchiver.Core.Planning;
using DataArchiver.Core.Progress;
using DataArchiver.Postgres.Session;
using Npgsql;

namespace DataArchiver.Postgres.Extraction;

/// <summary>
/// Reads a unit's rows with one connection and one <c>COPY … TO STDOUT</c> statement, streamed: binary COPY split into
/// tuples, each column in the form <see cref="ColumnReadPlan"/> chose, or the server's own CSV passed through.
/// </summary>
public sealed class PostgresUnitReader(PostgresConnector connector, int chunkSize, IArchiveProgress progress, TimeProvider clock) : IUnitReader
{
    /// <inheritdoc />
    public async Task<IRowExport> OpenRowsAsync(WorkUnit unit, CancellationToken cancellationToken)
    {
        var session = await OpenAsync(unit, cancellationToken);
        try
        {
            var columns = await ColumnReadPlan.ForAsync(session.Connection, session.Columns, cancellationToken);
            return new PostgresRowExport(session, columns, CopyStatements.Binary(unit, columns), Describe(unit));
        }
        catch (Exception error) when (IsDatabaseError(error, cancellationToken))
        {
            await session.DisposeAsync();
            throw PostgresErrors.Wrap(error, $"reading {unit.Source}", connecting: false);
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<ITextExport> OpenCsvAsync(WorkUnit unit, CancellationToken cancellationToken) =>
        new PostgresTextExport(await OpenAsync(unit, cancellationToken), CopyStatements.Csv(unit), Describe(unit));

    /// <inheritdoc />
    public async Task<long> CountAsync(WorkUnit unit, bool estimate, CancellationToken cancellationToken)
    {
        await using var connection = await connector.OpenAsync(cancellationToken);
        await using var serverCancellation = ServerCancellation.Watch(connector, connection.ProcessID, cancellationToken);
        try
        {
            // CA2100: the only text in the statement is the unit's relation and window column, each quoted by
            // RelationName.QuoteIdentifier, and the window's bounds, formatted from dates and quoted by Literal.
#pragma warning disable CA2100
            await using var command = new NpgsqlCommand(estimate ? CopyStatements.Estimate : CopyStatements.Count(unit), connection);
#pragma warning restore CA2100
            if (estimate)
                command.Parameters.Add(new NpgsqlParameter { Value = unit.Source.Quoted });
            progress.Debug($"{unit.Source}: {command.CommandText}");
            var started = clock.GetTimestamp();
            var count = await command.ExecuteScalarAsync(cancellationToken) is long rows ? rows : 0;
            progress.Debug($"{unit.Source}: {(estimate ? "estimated" : "counted")} {count} rows in {clock.GetElapsedTime(started).TotalSeconds:F2} s");
            return count;
        }
        catch (Exception error) when (IsDatabaseError(error, cancellationToken))
        {
            throw PostgresErrors.Wrap(error, $"counting {unit.Source}", connecting: false);
        }
    }

    private async Task<UnitSession> OpenAsync(WorkUnit unit, CancellationToken cancellationToken)
    {
        try
        {
            return await UnitSession.OpenAsync(connector, unit, cancellationToken);
        }
        catch (Exception error) when (IsDatabaseError(error, cancellationToken))
        {
            throw PostgresErrors.Wrap(error, $"reading {unit.Source}", connecting: false);
        }
    }

    private ExportContext Describe(WorkUnit unit) => new(unit, chunkSize, progress, clock);

    /// <summary>A failure of the database or the connection, not a cancellation of ours.</summary>
    internal static bool IsDatabaseError(Exception error, CancellationToken cancellationToken) =>
        error is NpgsqlException or TimeoutException or IOException && !cancellationToken.IsCancellationRequested;
}
