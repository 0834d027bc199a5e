using DataArchiver.Core.Configuration;
using DataArchiver.Core.Extraction;
using DataArchiver.Core.Planning;
using DataArchiver.Postgres.Session;
using Npgsql;

namespace DataArchiver.Postgres;

/// <summary>Finds the leaf partitions of a table through <c>pg_inherits</c>, at any depth.</summary>
public sealed class PostgresCatalog(PostgresConnector connector) : ICatalog
{
    // pg_get_expr(relpartbound, 0): a bound holds only constants, so it needs no relation to name columns by; given
    // the partition's oid instead, the server opens (locks) every leaf, and planning would wait behind any lock a
    // DETACH, DROP or ALTER holds on any partition, even one outside the date range.
    private const string LeavesSql = """
        WITH RECURSIVE tree(oid) AS (
            SELECT $1::pg_catalog.oid
            UNION ALL
            SELECT i.inhrelid FROM tree t JOIN pg_catalog.pg_inherits i ON i.inhparent OPERATOR(pg_catalog.=) t.oid
        )
        SELECT n.nspname, c.relname, pg_catalog.pg_get_expr(c.relpartbound, 0), pg_catalog.has_table_privilege(c.oid, 'SELECT')
        FROM tree t
        JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) t.oid
        JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace
        WHERE c.relkind OPERATOR(pg_catalog.=) ANY ('{r,f,m}'::pg_catalog."char"[])
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits sub WHERE sub.inhparent OPERATOR(pg_catalog.=) c.oid)
        ORDER BY c.relname
        """;

    /// <inheritdoc />
    public async Task<IReadOnlyList<LeafPartition>> DiscoverLeavesAsync(RelationName table, CancellationToken cancellationToken)
    {
        await using var connection = await connector.OpenAsync(cancellationToken);
        try
        {
            var oid = await ResolveAsync(connection, table, cancellationToken)
                ?? throw new ConfigurationException($"table {table} does not exist (check --schema and --table)");
            await using var command = new NpgsqlCommand(LeavesSql, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = oid, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Oid });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var leaves = new List<LeafPartition>();
            while (await reader.ReadAsync(cancellationToken))
            {
                leaves.Add(new LeafPartition(
                    new RelationName(reader.GetString(0), reader.GetString(1)),
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.GetBoolean(3)));
            }
            // A partitioned root with no leaves yet is simply empty; a plain table is its own single leaf.
            return leaves;
        }
        catch (Exception error) when (error is NpgsqlException or TimeoutException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw PostgresErrors.Wrap(error, $"reading the partitions of {table}", connecting: false);
        }
    }

    /// <summary>The OID of <paramref name="table"/>, or <c>null</c> when it does not exist.</summary>
    internal static async Task<uint?> ResolveAsync(NpgsqlConnection connection, RelationName table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_catalog.to_regclass($1)::pg_catalog.oid", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = table.Quoted });
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result is uint oid ? oid : null;
    }

    /// <inheritdoc />
    public async Task<string?> ColumnTypeAsync(RelationName table, string column, CancellationToken cancellationToken)
    {
        await using var connection = await connector.OpenAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(
                """
                SELECT pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a
                WHERE a.attrelid OPERATOR(pg_catalog.=) pg_catalog.to_regclass($1) AND a.attname OPERATOR(pg_catalog.=) $2
                  AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped
                """,
                connection);
            command.Parameters.Add(new NpgsqlParameter { Value = table.Quoted });
            command.Parameters.Add(new NpgsqlParameter { Value = column });
            return await command.ExecuteScalarAsync(cancellationToken) as string;
        }
        catch (Exception error) when (error is NpgsqlException or TimeoutException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw PostgresErrors.Wrap(error, $"reading the columns of {table}", connecting: false);
        }
    }
}
