using DuckDB.NET.Data;

namespace DataArchiver.IntegrationTests.Formats;

/// <summary>DuckDB as the independent Parquet reader: an in-memory database in a UTC session.</summary>
internal static class DuckDb
{
    /// <summary>Runs <paramref name="sql"/>; <paramref name="read"/> may read a column its own way (null for GetValue).</summary>
    public static List<object?[]> Query(string sql, Func<DuckDBDataReader, int, object?>? read = null)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "SET TimeZone = 'UTC'";
            setup.ExecuteNonQuery();
        }
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? null : read?.Invoke(reader, i) ?? reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>A SQL string literal.</summary>
    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
