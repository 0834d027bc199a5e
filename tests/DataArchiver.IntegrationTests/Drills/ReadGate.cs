using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Drills;

/// <summary>
/// A hook inside the server's reads of a table: an enum type (labels <c>row</c> and <c>gate</c>) whose cast to json,
/// which <c>to_json</c> and so every JSONL export calls per value, stalls on the value <c>gate</c> for the first
/// <c>stalls</c> reads of it. A row marked <c>gate</c> late in a partition makes its COPY stall mid-stream, after the
/// rows before it went out. The count lives in a sequence, which a terminated or timed-out statement cannot roll back.
/// </summary>
internal sealed class ReadGate
{
    /// <summary>How long a stalled read waits unless the drill ends it first (termination, timeout, kill).</summary>
    private const int StallSeconds = 30;

    private ReadGate(string type) => Type = type;

    /// <summary>The enum type to give the table's <c>mark</c> column.</summary>
    public string Type { get; }

    private string Sequence => Type + "_reads";

    /// <summary>Creates a gate whose first <paramref name="stalls"/> reads of a <c>gate</c> value stall.</summary>
    public static async Task<ReadGate> CreateAsync(string type, int stalls)
    {
        var gate = new ReadGate(type);
        await Db.ExecuteAsync($"""
            CREATE TYPE {type} AS ENUM ('row', 'gate');
            CREATE SEQUENCE {gate.Sequence};
            CREATE FUNCTION {type}_json(v {type}) RETURNS json LANGUAGE plpgsql AS $$
            BEGIN
                IF v = 'gate' AND nextval('{gate.Sequence}') <= {stalls} THEN
                    PERFORM pg_sleep({StallSeconds});
                END IF;
                RETURN to_json(v::text);
            END $$;
            CREATE CAST ({type} AS json) WITH FUNCTION {type}_json({type});
            """);
        return gate;
    }

    /// <summary>How many times a <c>gate</c> value has been read so far (stalled or not).</summary>
    public Task<long> ReadsAsync() =>
        Db.ScalarAsync($"SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM {Sequence}");

    /// <summary>Waits until the tool's COPY of <paramref name="partition"/> stalls at the gate; returns its backend pid.</summary>
    public static async Task<int> WaitForStalledCopyAsync(string partition)
    {
        var pid = await Poll.UntilAsync(async () =>
        {
            var pids = await Db.ColumnAsync($"""
                SELECT pid::text FROM pg_stat_activity
                WHERE application_name = 'data-archiver' AND wait_event = 'PgSleep'
                  AND query LIKE 'COPY %' AND position('{partition}' in query) > 0
                """);
            return pids.Count == 1 ? pids[0] : null;
        }, $"the COPY of {partition} to stall at the gate");
        return int.Parse(pid, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Ends a backend the way an administrator would (<c>pg_terminate_backend</c>); true when it was there to end.</summary>
    public static async Task<bool> TerminateAsync(int pid) =>
        await Db.ScalarAsync($"SELECT pg_terminate_backend({pid})::int") == 1;
}
