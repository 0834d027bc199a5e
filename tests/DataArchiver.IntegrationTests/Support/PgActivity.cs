using System.Diagnostics;
using Npgsql;

namespace DataArchiver.IntegrationTests.Support;

/// <summary>
/// The database's own view of the tool's sessions, from <c>pg_stat_activity</c>: sessions whose application_name is
/// <c>data-archiver</c> and whose current (or last) statement names a given table. Table names are unique per test,
/// so tests running at the same time do not see each other's sessions.
/// </summary>
internal static class PgActivity
{
    /// <summary>One session of the tool.</summary>
    internal sealed record Session(int Pid, string State, string? WaitEventType, string Query, DateTime? QueryStart);

    /// <summary>The tool's sessions whose statement mentions <paramref name="table"/>.</summary>
    public static async Task<List<Session>> SessionsAsync(NpgsqlConnection connection, string table)
    {
        await using var command = new NpgsqlCommand("""
            SELECT pid, coalesce(state, ''), wait_event_type, query, query_start FROM pg_stat_activity
            WHERE application_name = 'data-archiver' AND pid <> pg_backend_pid() AND position($1 in query) > 0
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = table });
        await using var reader = await command.ExecuteReaderAsync();
        var sessions = new List<Session>();
        while (await reader.ReadAsync())
            sessions.Add(new Session(reader.GetInt32(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetDateTime(4)));
        return sessions;
    }

    /// <summary>The tool's COPY statements on <paramref name="table"/> that are running right now.</summary>
    public static async Task<List<Session>> ActiveCopiesAsync(NpgsqlConnection connection, string table) =>
        (await SessionsAsync(connection, table)).Where(s => s.State == "active" && s.Query.StartsWith("COPY", StringComparison.Ordinal)).ToList();

    /// <summary>Polls until <paramref name="condition"/> holds for the active COPYs on <paramref name="table"/>; returns the last ones seen.</summary>
    public static async Task<List<Session>> WaitForCopiesAsync(NpgsqlConnection connection, string table, Func<List<Session>, bool> condition, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var copies = await ActiveCopiesAsync(connection, table);
            if (condition(copies))
                return copies;
            if (clock.Elapsed > within)
                throw new TimeoutException($"after {within.TotalSeconds} s the COPYs on {table} were: {string.Join("; ", copies.Select(c => $"{c.Pid} {c.State} {c.WaitEventType}"))}");
            await Task.Delay(20);
        }
    }

    /// <summary>Polls until none of the tool's sessions mentions <paramref name="table"/>; returns those left after <paramref name="within"/>.</summary>
    public static async Task<List<Session>> WaitUntilGoneAsync(NpgsqlConnection connection, string table, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var left = await SessionsAsync(connection, table);
            if (left.Count == 0 || clock.Elapsed > within)
                return left;
            await Task.Delay(20);
        }
    }
}
