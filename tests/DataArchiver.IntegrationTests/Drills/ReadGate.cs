using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Drills;

/// <summary>
/// A hook inside the server's reads of a table. The archiver runs no code of the database's users, so the hook sits
/// behind a foreign table: a gated partition is a postgres_fdw foreign table reading, through a loopback server, a view
/// whose <c>mark</c> column passes through a function that stalls on the value <c>gate</c> for the first
/// <c>stalls</c> reads of it. A row marked <c>gate</c> late in a partition makes its COPY stall mid-stream, after the
/// rows before it went out. The count lives in a sequence, which a terminated or timed-out statement cannot roll back.
/// </summary>
internal sealed class ReadGate
{
    /// <summary>How long a stalled read waits unless the drill ends it first (termination, timeout, kill).</summary>
    private const int StallSeconds = 30;

    private static readonly SemaphoreSlim ExtensionOnce = new(1, 1);
    private static bool _extensionCreated;

    private ReadGate(string type) => Type = type;

    /// <summary>The enum type to give the table's <c>mark</c> column.</summary>
    public string Type { get; }

    /// <summary>The loopback foreign server that gated partitions read through (its sessions carry this application name).</summary>
    public string Server => Type + "_loop";

    private string Sequence => Type + "_reads";

    /// <summary>The function a gated view applies to <c>mark</c>.</summary>
    public string PassFunction => Type + "_pass";

    /// <summary>Creates a gate whose first <paramref name="stalls"/> reads of a <c>gate</c> value stall.</summary>
    public static async Task<ReadGate> CreateAsync(string type, int stalls)
    {
        await EnsureExtensionAsync();
        var gate = new ReadGate(type);
        // The remote sessions of postgres_fdw run with search_path = pg_catalog: the function names its sequence fully.
        // STABLE lets the planner skip it where mark is not read (a row count), so only reads of the values stall.
        await Db.ExecuteAsync($"""
            CREATE TYPE {type} AS ENUM ('row', 'gate');
            CREATE SEQUENCE {gate.Sequence};
            CREATE FUNCTION {gate.PassFunction}(v {type}) RETURNS {type} LANGUAGE plpgsql STABLE AS $$
            BEGIN
                IF v = 'gate' AND nextval('public.{gate.Sequence}') <= {stalls} THEN
                    PERFORM pg_sleep({StallSeconds});
                END IF;
                RETURN v;
            END $$;
            CREATE SERVER {gate.Server} FOREIGN DATA WRAPPER postgres_fdw
                OPTIONS (host '{TestServices.PgHost}', port '{TestServices.PgPort}', dbname '{TestServices.PgDatabase}',
                         application_name '{gate.Server}', fetch_size '100');
            CREATE USER MAPPING FOR CURRENT_USER SERVER {gate.Server}
                OPTIONS (user '{TestServices.PgUser}', password '{TestServices.PgPassword.Replace("'", "''", StringComparison.Ordinal)}');
            """);
        return gate;
    }

    /// <summary>How many times a <c>gate</c> value has been read so far (stalled or not).</summary>
    public Task<long> ReadsAsync() =>
        Db.ScalarAsync($"SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM {Sequence}");

    /// <summary>Waits until the tool's COPY of <paramref name="partition"/> stalls at the gate; returns its backend pid.</summary>
    public async Task<int> WaitForStalledCopyAsync(string partition)
    {
        var pid = await Poll.UntilAsync(async () =>
        {
            var pids = await Db.ColumnAsync($"""
                SELECT pid::text FROM pg_stat_activity
                WHERE application_name = 'data-archiver' AND query LIKE 'COPY %' AND position('{partition}' in query) > 0
                  AND EXISTS (SELECT 1 FROM pg_stat_activity r WHERE r.application_name = '{Server}' AND r.wait_event = 'PgSleep')
                """);
            return pids.Count == 1 ? pids[0] : null;
        }, $"the COPY of {partition} to stall at the gate");
        return int.Parse(pid, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task EnsureExtensionAsync()
    {
        await ExtensionOnce.WaitAsync();
        try
        {
            if (!_extensionCreated)
                await Db.ExecuteAsync("CREATE EXTENSION IF NOT EXISTS postgres_fdw");
            _extensionCreated = true;
        }
        finally
        {
            ExtensionOnce.Release();
        }
    }

    /// <summary>Ends a backend the way an administrator would (<c>pg_terminate_backend</c>); true when it was there to end.</summary>
    public static async Task<bool> TerminateAsync(int pid) =>
        await Db.ScalarAsync($"SELECT pg_terminate_backend({pid})::int") == 1;
}
