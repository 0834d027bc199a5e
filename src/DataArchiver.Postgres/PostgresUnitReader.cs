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
/// into tuples whose fields are selected per column as the writer's projection says (native binary, or text rendered
/// by the server), the server's own CSV passed through for CSV.
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
            list.Append(encoding == FieldEncoding.JsonMixed
                ? JsonProjection.SelectExpression(column, name)
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
    /// A binary COPY: started asynchronously (the server may take long to answer and a cancellation must reach it),
    /// its rows then read on a thread of its own with synchronous reads (see <see cref="CopyBlocking"/>).
    /// </summary>
    private async Task<long> CopyBinaryAsync(NpgsqlConnection connection, string sql, int fieldCount, IRecordWriter writer,
        Action<long> onRows, CancellationToken cancellationToken)
    {
        await using var stream = await connection.BeginRawBinaryCopyAsync(sql, cancellationToken);
        return await CopyBlocking.RunAsync(() =>
        {
            var reader = new BinaryCopyReader(stream, fieldCount);
            long rows = 0;
            while (reader.Read())
            {
                writer.WriteRow(reader.Tuple, reader.Fields);
                if (++rows % chunkSize == 0)
                    onRows(rows);
            }
            return rows;
        }, stream.Cancel, cancellationToken);
    }

    /// <summary>The server's CSV, started and read like <see cref="CopyBinaryAsync"/>.</summary>
    private async Task<long> CopyCsvAsync(NpgsqlConnection connection, string sql, IRecordWriter writer, Action<long> onRows,
        CancellationToken cancellationToken)
    {
        using var text = await connection.BeginTextExportAsync(sql, cancellationToken);
        return await CopyBlocking.RunAsync(() =>
        {
            // A read returns at most one COPY message (a row); the buffer only has to hold a long one in few reads.
            var buffer = new char[16 * 1024];
            var counter = new CsvRecordCounter();
            long reported = 0;
            int read;
            while ((read = text.Read(buffer)) > 0)
            {
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
        }, text.Cancel, cancellationToken);
    }
}
