using Npgsql;

namespace DataArchiver.IntegrationTests.Support;

/// <summary>Small helpers for setting up and reading test tables in the real PostgreSQL.</summary>
public static class Db
{
    public static async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(TestServices.PgConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public static async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
        await command.ExecuteNonQueryAsync();
    }

    public static Task<List<string>> ColumnAsync(string sql) => ColumnAsync(sql, TestServices.PgConnectionString);

    private static async Task<List<string>> ColumnAsync(string sql, string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
            values.Add(reader.GetString(0));
        return values;
    }

    /// <summary>
    /// The first column of <paramref name="sql"/> in a session whose search path is only <c>pg_catalog</c>, as the
    /// archiver's sessions are (so <c>format_type</c> qualifies user types the way the archiver sees them).
    /// </summary>
    public static Task<List<string>> CatalogColumnAsync(string sql) =>
        ColumnAsync(sql, TestServices.PgConnectionString + ";Options=-c search_path=pg_catalog");

    /// <summary>The text of <c>COPY (<paramref name="query"/>) TO STDOUT</c> (text format: output functions, <c>\N</c> for NULL).</summary>
    public static async Task<string> CopyTextAsync(string query)
    {
        await using var connection = await OpenAsync();
        using var reader = await connection.BeginTextExportAsync($"COPY ({query}) TO STDOUT");
        return await reader.ReadToEndAsync();
    }

    public static async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
