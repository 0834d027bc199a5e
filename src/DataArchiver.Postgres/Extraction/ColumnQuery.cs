using DataArchiver.Core.Planning;
using DataArchiver.Core.PostgresTypes;
using Npgsql;

namespace DataArchiver.Postgres.Extraction;

/// <summary>Reads a relation's columns in table order.</summary>
internal static class ColumnQuery
{
    private const string Sql = """
        SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.atttypid, a.attnotnull
        FROM pg_catalog.pg_attribute a
        WHERE a.attrelid OPERATOR(pg_catalog.=) pg_catalog.to_regclass($1) AND a.attnum OPERATOR(pg_catalog.>) 0
          AND NOT a.attisdropped
        ORDER BY a.attnum
        """;

    public static async Task<IReadOnlyList<ColumnInfo>> ReadAsync(NpgsqlConnection connection, RelationName relation, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = relation.Quoted });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var columns = new List<ColumnInfo>();
        while (await reader.ReadAsync(cancellationToken))
            columns.Add(new ColumnInfo(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<uint>(2), reader.GetBoolean(3)));
        return columns;
    }
}
