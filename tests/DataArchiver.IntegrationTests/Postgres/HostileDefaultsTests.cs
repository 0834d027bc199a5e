using System.Text;
using DataArchiver.Core.Configuration;
using DataArchiver.Core.Planning;
using DataArchiver.IntegrationTests.Support;
using DataArchiver.Postgres;

namespace DataArchiver.IntegrationTests.Postgres;

/// <summary>
/// Database defaults that change how values print (<c>ALTER DATABASE … SET</c>) do not reach the output: CSV equals
/// <c>COPY</c> and JSON lines equal <c>row_to_json</c> in a session under PostgreSQL's built-in defaults. Each test has
/// its own database, and a positive control shows the defaults do change a plain session's output.
/// </summary>
public sealed class HostileDefaultsTests
{
    /// <summary>PostgreSQL's built-in defaults for the settings that change output, with TimeZone=UTC (DESIGN §5).</summary>
    private const string BuiltInDefaults =
        "-c DateStyle=ISO,MDY -c IntervalStyle=postgres -c extra_float_digits=1 -c bytea_output=hex -c TimeZone=UTC " +
        "-c quote_all_identifiers=off -c standard_conforming_strings=on -c xmloption=content";

    /// <summary>Database defaults that each change how some value prints or how a literal reads.</summary>
    private static readonly string[] Hostile =
    [
        "DateStyle = 'SQL, DMY'", "IntervalStyle = 'sql_standard'", "extra_float_digits = 0", "bytea_output = 'escape'",
        "TimeZone = 'Asia/Kathmandu'", "quote_all_identifiers = on", "standard_conforming_strings = off", "xmloption = document",
    ];

    [Fact]
    public async Task HostileDatabaseDefaults_CsvEqualsCopyAndJsonEqualsRowToJsonUnderBuiltInDefaults()
    {
        await using var database = await OwnDatabase.CreateAsync("hdef");
        await database.ExecuteAsync("""
            CREATE SCHEMA s;
            CREATE TYPE s.mood AS ENUM ('ok', 'not ok');
            CREATE TYPE s.pair AS (a int, f float8, t timestamptz, d date, i interval, b bytea);
            CREATE DOMAIN s.score AS float8;
            CREATE TABLE s.t (id int, b bool, i2 int2, i4 int4, i8 int8, f4 float4, f8 float8, n numeric, np numeric(12,2),
                tx text, vc varchar(10), ch char(5), nm name, e s.mood, u uuid, j json, jb jsonb, by bytea, d date, ts timestamp,
                tz timestamptz, tm time, a int[], atz timestamptz[], ttz timetz, iv interval, ip inet, mn money, x xml,
                md int[], p s.pair, r tstzrange, dr daterange, sc s.score, ivs interval[], ps s.pair[]);
            INSERT INTO s.t VALUES
              (1, true, -2, 3, 4, 0.1, 1.0/3, 1.0/3, 12.5, 'a\b', 'v', 'ab', 'nm', 'not ok', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
               '{"k": [1, 2]}', '{"k": 1.50}', '\x00ff5c27', '2024-12-31', '2024-12-31 23:59:58.25', '2024-12-31 23:59:58.25+00',
               '10:11:12.5', '{1,NULL,3}', '{"2024-01-02 03:04:05+00"}', '10:00:00.5+02', '1 year 2 mons -3 days 04:05:06.789',
               '10.1.2.3', 1234.56, '<a>x</a>', '{{1,2},{3,4}}',
               ROW(7, 2.0/3, '2024-06-01 12:00:00+00', '2024-06-01', '-1 day 02:00:00', '\x01'),
               '[2024-01-01 00:00:00+00,2024-02-01 00:00:00+00)', '[2024-01-01,2024-02-01)', 0.1::float8 * 3,
               '{"1 day","-2 hours"}', ARRAY[ROW(1, 0.5, NULL, NULL, '1 mon', NULL)::s.pair]),
              (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
               NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
            """);
        foreach (var setting in Hostile)
            await database.ExecuteAsync($"ALTER DATABASE {database.Name} SET {setting}");

        var expectedCsv = await database.CopyAsync("SELECT * FROM s.t", "FORMAT csv, HEADER", BuiltInDefaults);
        var expectedJson = await database.ColumnAsync("SELECT row_to_json(t)::text FROM s.t t ORDER BY id", BuiltInDefaults);
        // Positive control: a plain session in this database prints differently.
        Assert.Equal("31/12/2024", (await database.ColumnAsync("SELECT d::text FROM s.t WHERE id = 1"))[0]);
        Assert.NotEqual(expectedCsv, await database.CopyAsync("SELECT * FROM s.t", "FORMAT csv, HEADER"));
        Assert.NotEqual(expectedJson, await database.ColumnAsync("SELECT row_to_json(t)::text FROM s.t t ORDER BY id"));

        var table = new RelationName("s", "t");
        var (csv, _) = await ReaderHarness.ExportAsync(table, OutputFormat.Csv, settings: database.Settings());
        var (json, rows) = await ReaderHarness.ExportAsync(table, OutputFormat.Jsonl, settings: database.Settings());

        Assert.Equal(expectedCsv, Encoding.UTF8.GetString(csv));
        Assert.Equal(2, rows);
        Assert.Equal(expectedJson, Encoding.UTF8.GetString(json).Split('\n')[..^1]);
    }

    [Fact]
    public async Task HostileDatabaseDefaults_PartitionBoundsReadInIso()
    {
        await using var database = await OwnDatabase.CreateAsync("hbnd");
        await database.ExecuteAsync("""
            CREATE TABLE ev (at timestamptz NOT NULL, v int) PARTITION BY RANGE (at);
            CREATE TABLE ev_20241231 PARTITION OF ev FOR VALUES FROM ('2024-12-31 00:00:00+00') TO ('2025-01-01 00:00:00+00');
            """);
        await database.ExecuteAsync($"ALTER DATABASE {database.Name} SET DateStyle = 'SQL, DMY'");
        await database.ExecuteAsync($"ALTER DATABASE {database.Name} SET TimeZone = 'Asia/Kathmandu'");
        // Positive control: a plain session prints the bound in the database's style.
        var plain = (await database.ColumnAsync("SELECT pg_get_expr(relpartbound, 0) FROM pg_class WHERE relname = 'ev_20241231'"))[0];
        Assert.Contains("31/12/2024", plain, StringComparison.Ordinal);

        await using var connector = new PostgresConnector(database.Settings());
        var leaves = await new PostgresCatalog(connector).DiscoverLeavesAsync(new RelationName("public", "ev"), CancellationToken.None);

        Assert.Equal("FOR VALUES FROM ('2024-12-31 00:00:00+00') TO ('2025-01-01 00:00:00+00')", Assert.Single(leaves).Bound);
    }
}
