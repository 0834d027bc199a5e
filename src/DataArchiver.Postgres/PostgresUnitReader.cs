using System.Diagnostics;
using System.Globalization;
using System.Text;
using DataArchiver.Core.Extraction;
using DataArchiver.Core.Planning;
using DataArchiver.Core.Progress;
using Npgsql;

namespace DataArchiver.Postgres;

/// <summary>
/// Reads a unit's rows with one connection and one <c>COPY … TO STDOUT</c> statement, streamed: binary COPY split
/// into tuples for JSON text and native binary fields, the server's own CSV passed through for CSV.
/// </summary>
public sealed class PostgresUnitReader(PostgresConnector connector, int chunkSize, IArchiveProgress progress) : IUnitReader
{
    /// <inheritdoc />
    public async Task<long> ExportAsync(WorkUnit unit, Func<IReadOnlyList<ColumnInfo>, IRecordWriter> createWriter, Action<long> onRows,
        CancellationToken cancellationToken)
    {
        await using var connection = await connector.OpenAsync(cancellationToken);
        await using var serverCancellation = ServerCancellation.Watch(connector, connection.ProcessID, cancellationToken);
        try
        {
            var columns = await ColumnQuery.ReadAsync(connection, unit.Source, cancellationToken);
            if (columns.Count == 0 && await PostgresCatalog.ResolveAsync(connection, unit.Source, cancellationToken) is null)
                throw new SourceException($"table {unit.Source} no longer exists", isTransient: false);
            var writer = createWriter(columns);
            var sql = CopySql(unit, columns, writer.Encoding);
            progress.Debug($"{unit.Source}: {sql}");
            var clock = Stopwatch.StartNew();
            var rows = writer.Encoding == FieldEncoding.ServerCsv
                ? await CopyCsvAsync(connection, sql, writer, onRows, cancellationToken)
                : await CopyBinaryAsync(connection, sql, columns.Count, writer, onRows, cancellationToken);
            writer.Complete();
            onRows(rows);
            progress.Debug($"{unit.Source}: {rows} rows read in {clock.Elapsed.TotalSeconds:F2} s");
            return rows;
        }
        catch (Exception error) when (error is NpgsqlException or TimeoutException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw PostgresErrors.Wrap(error, $"reading {unit.Source}", connecting: false);
        }
    }

    /// <inheritdoc />
    public async Task<long> CountAsync(WorkUnit unit, bool estimate, CancellationToken cancellationToken)
    {
        await using var connection = await connector.OpenAsync(cancellationToken);
        await using var serverCancellation = ServerCancellation.Watch(connector, connection.ProcessID, cancellationToken);
        try
        {
            var sql = estimate
                ? $"SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = to_regclass({Literal(unit.Source.Quoted)})"
                : $"SELECT count(*) FROM {unit.Source.Quoted}{WhereClause(unit)}";
            progress.Debug($"{unit.Source}: {sql}");
            var clock = Stopwatch.StartNew();
            await using var command = new NpgsqlCommand(sql, connection);
            var count = await command.ExecuteScalarAsync(cancellationToken) is long rows ? rows : 0;
            progress.Debug($"{unit.Source}: {(estimate ? "estimated" : "counted")} {count} rows in {clock.Elapsed.TotalSeconds:F2} s");
            return count;
        }
        catch (Exception error) when (error is NpgsqlException or TimeoutException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw PostgresErrors.Wrap(error, $"counting {unit.Source}", connecting: false);
        }
    }

    /// <summary>The COPY statement for a unit and a field encoding.</summary>
    internal static string CopySql(WorkUnit unit, IReadOnlyList<ColumnInfo> columns, FieldEncoding encoding)
    {
        var from = unit.Source.Quoted + WhereClause(unit);
        if (encoding == FieldEncoding.ServerCsv)
            return $"COPY (SELECT * FROM {from}) TO STDOUT (FORMAT csv, HEADER)";
        var list = new StringBuilder();
        foreach (var column in columns)
        {
            if (list.Length > 0)
                list.Append(", ");
            var name = RelationName.QuoteIdentifier(column.Name);
            list.Append(encoding == FieldEncoding.JsonText
                ? $"to_json({name})::text"
                : BinaryProjection.SelectExpression(column, name));
        }
        return $"COPY (SELECT {list} FROM {from}) TO STDOUT (FORMAT binary)";
    }

    /// <summary>The WHERE clause of a windowed unit (empty for a whole partition).</summary>
    internal static string WhereClause(WorkUnit unit)
    {
        if (unit.Window is not { } window)
            return "";
        var column = RelationName.QuoteIdentifier(window.Column);
        return $" WHERE {column} >= {Bound(window.Start, window.Type)} AND {column} < {Bound(window.End, window.Type)}";
    }

    /// <summary>A bound as a literal of the column's own type, so the comparison can use an index on the column.</summary>
    internal static string Bound(DateTime value, DateColumnType type) => type switch
    {
        DateColumnType.TimestampTz => Literal(value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "+00") + "::timestamptz",
        DateColumnType.Timestamp => Literal(value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)) + "::timestamp",
        // A date column compared with a day boundary: hourly windows are rejected for dates when planning.
        _ => Literal(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) + "::date",
    };

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>
    /// The token COPY reads get: none. A read handed the run's token, cancelled while rows stream in, waits up to
    /// Npgsql's cancellation timeout (two seconds) before it returns. Instead the loops check the token between reads,
    /// and <see cref="ServerCancellation"/> has the server end the statement, which also ends a read that waits for
    /// rows; disposing the COPY then only skips what was already sent.
    /// </summary>
    private static CancellationToken StreamUntilCancelled => CancellationToken.None;

    private async Task<long> CopyBinaryAsync(NpgsqlConnection connection, string sql, int fieldCount, IRecordWriter writer,
        Action<long> onRows, CancellationToken cancellationToken)
    {
        await using var stream = await connection.BeginRawBinaryCopyAsync(sql, cancellationToken);
        var reader = new BinaryCopyReader(stream, fieldCount);
        long rows = 0;
        // See StreamUntilCancelled for why the reads themselves do not get the token.
        while (await reader.ReadAsync(StreamUntilCancelled))
        {
            cancellationToken.ThrowIfCancellationRequested();
            writer.WriteRow(reader.Tuple, reader.Fields);
            if (++rows % chunkSize == 0)
                onRows(rows);
        }
        return rows;
    }

    private async Task<long> CopyCsvAsync(NpgsqlConnection connection, string sql, IRecordWriter writer, Action<long> onRows,
        CancellationToken cancellationToken)
    {
        using var text = await connection.BeginTextExportAsync(sql, cancellationToken);
        var buffer = new char[64 * 1024];
        var counter = new CsvRecordCounter();
        long reported = 0;
        int read;
        while ((read = await text.ReadAsync(buffer.AsMemory(), StreamUntilCancelled)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = buffer.AsSpan(0, read);
            writer.WriteText(chunk);
            counter.Scan(chunk);
            if (counter.Records - reported >= chunkSize)
            {
                reported = counter.Records;
                onRows(Math.Max(0, reported - 1));
            }
        }
        // The first record is the header line.
        return Math.Max(0, counter.Records - 1);
    }
}
