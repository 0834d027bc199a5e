using DataArchiver.Core.Configuration;
using Npgsql;

namespace DataArchiver.IntegrationTests.Support;

/// <summary>
/// A database of one test's own, so <c>ALTER DATABASE … SET</c> defaults and shadowing objects reach no other test and
/// no oracle. Disposing drops it.
/// </summary>
internal sealed class OwnDatabase : IAsyncDisposable
{
    private OwnDatabase(string name) => Name = name;

    /// <summary>The database's name.</summary>
    public string Name { get; }

    /// <summary>Creates an empty database.</summary>
    public static async Task<OwnDatabase> CreateAsync(string stem)
    {
        var database = new OwnDatabase(TestServices.UniqueName(stem));
        await Db.ExecuteAsync($"CREATE DATABASE {database.Name}");
        return database;
    }

    /// <summary>A connection string for the database; <paramref name="options"/> become startup options.</summary>
    public string ConnectionString(string? user = null, string? password = null, string? options = null) =>
        $"Host={TestServices.PgHost};Port={TestServices.PgPort};Username={user ?? TestServices.PgUser};" +
        $"Password={password ?? TestServices.PgPassword};Database={Name};Pooling=false" + (options is null ? "" : $";Options={options}");

    /// <summary>The archiver's database settings for this database.</summary>
    public DatabaseSettings Settings(string? user = null, string? password = null) => ReaderSettings() with
    {
        Name = Name,
        User = user ?? TestServices.PgUser,
        Password = password ?? TestServices.PgPassword,
    };

    /// <summary>Runs <paramref name="sql"/> in a plain session (the database's own defaults apply).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of <paramref name="sql"/>'s rows as text, in a session started with <paramref name="options"/>.</summary>
    public async Task<List<string?>> ColumnAsync(string sql, string? options = null, string? user = null, string? password = null)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(user, password, options));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string?>();
        while (await reader.ReadAsync())
            values.Add(reader.IsDBNull(0) ? null : reader.GetString(0));
        return values;
    }

    /// <summary>The text of <c>COPY (<paramref name="query"/>) TO STDOUT</c> with <paramref name="copyOptions"/>, in a session started with <paramref name="options"/>.</summary>
    public async Task<string> CopyAsync(string query, string copyOptions, string? options = null)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(options: options));
        await connection.OpenAsync();
        using var reader = await connection.BeginTextExportAsync($"COPY ({query}) TO STDOUT ({copyOptions})");
        return await reader.ReadToEndAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await Db.ExecuteAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");

    private static DatabaseSettings ReaderSettings() => Postgres.ReaderHarness.Settings();
}
