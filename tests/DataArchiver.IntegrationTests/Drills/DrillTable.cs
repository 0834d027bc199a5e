using System.Globalization;
using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Drills;

/// <summary>
/// A table partitioned by day for the drills: <c>id bigint, at timestamptz, mark, body text</c>, one partition
/// <c>{table}_YYYYMMDD</c> per day, archived to <c>{prefix}/{table}/YYYY/MM/{table}-YYYY-MM-DD.jsonl.zst</c>.
/// </summary>
internal sealed class DrillTable
{
    /// <summary>A short text per row that compresses well: small objects.</summary>
    public const string SmallBody = "md5(g::text)";

    /// <summary>176 bytes of hashes per row as base64, which zstd can hardly shrink: about 190 stored bytes per row, cheap to make.</summary>
    public const string DenseBody = "encode(sha512(g::text::bytea) || sha512((-g)::text::bytea) || sha384(g::text::bytea), 'base64')";

    private readonly string _markType;
    private readonly ReadGate? _gate;
    private readonly HashSet<DateOnly> _gatedDays = [];

    private DrillTable(string name, string prefix, ReadGate? gate)
    {
        Name = name;
        Prefix = prefix;
        _gate = gate;
        _markType = gate?.Type ?? "text";
    }

    /// <summary>The table's name (unique to the test).</summary>
    public string Name { get; }

    /// <summary>The key prefix the test archives under (unique to the test).</summary>
    public string Prefix { get; }

    /// <summary>Creates the partitioned table; <paramref name="gate"/> gives its <c>mark</c> column the gate's type.</summary>
    public static async Task<DrillTable> CreateAsync(string stem, ReadGate? gate = null)
    {
        var table = new DrillTable(TestServices.UniqueName(stem), TestServices.UniqueName(stem + "p"), gate);
        await Db.ExecuteAsync(
            $"CREATE TABLE {table.Name} (id bigint NOT NULL, at timestamptz NOT NULL, mark {table._markType}, body text) PARTITION BY RANGE (at)");
        return table;
    }

    /// <summary>The partition of <paramref name="day"/>.</summary>
    public string Partition(DateOnly day) => $"{Name}_{day:yyyyMMdd}";

    /// <summary>The table holding <paramref name="day"/>'s rows, to compare with (behind a gate: the plain table under the view).</summary>
    public string Rows(DateOnly day) => _gatedDays.Contains(day) ? Partition(day) + "_rows" : Partition(day);

    /// <summary>The object key of <paramref name="day"/>'s partition.</summary>
    public string Key(DateOnly day) => $"{Prefix}/{Name}/{day:yyyy}/{day:MM}/{Name}-{day:yyyy-MM-dd}.jsonl.zst";

    /// <summary>
    /// Adds <paramref name="day"/>'s partition with <paramref name="rows"/> rows; the row <paramref name="gateRow"/> (if
    /// any) is marked <c>gate</c>; then the partition is a foreign table reading the rows through the gate's view.
    /// </summary>
    public Task AddDayAsync(DateOnly day, int rows, string body = SmallBody, int? gateRow = null)
    {
        var from = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = day.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var gate = gateRow is { } g ? g.ToString(CultureInfo.InvariantCulture) : "NULL";
        var fill = $"""
            SELECT g, '{from}'::timestamptz + (g % 86400) * interval '1 second',
                (CASE WHEN g = {gate} THEN 'gate' ELSE 'row' END)::{_markType}, {body}
                FROM generate_series(1, {rows}) g
            """;
        var partition = Partition(day);
        if (_gate is null || gateRow is null)
        {
            return Db.ExecuteAsync($"""
                CREATE TABLE {partition} PARTITION OF {Name} FOR VALUES FROM ('{from}') TO ('{to}');
                INSERT INTO {Name} {fill};
                """);
        }
        _gatedDays.Add(day);
        return Db.ExecuteAsync($"""
            CREATE TABLE {partition}_rows (id bigint NOT NULL, at timestamptz NOT NULL, mark {_markType}, body text);
            INSERT INTO {partition}_rows {fill};
            CREATE VIEW {partition}_gated AS SELECT id, at, {_gate.PassFunction}(mark) AS mark, body FROM {partition}_rows;
            CREATE FOREIGN TABLE {partition} PARTITION OF {Name} FOR VALUES FROM ('{from}') TO ('{to}')
                SERVER {_gate.Server} OPTIONS (schema_name 'public', table_name '{partition}_gated');
            """);
    }
}
