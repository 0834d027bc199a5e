using System.Text;
using DataArchiver.Core.Configuration;
using DataArchiver.Core.Extraction;
using DataArchiver.Core.Planning;
using DataArchiver.IntegrationTests.Support;
using DataArchiver.Postgres;
using DataArchiver.Postgres.Extraction;

namespace DataArchiver.IntegrationTests.Postgres;

/// <summary>
/// Objects the database's users can create — functions, aggregates, operators and casts in their schemas, a search path
/// that prefers them, row-level security — change nothing the archiver runs or writes. Each test has its own database,
/// and a positive control shows the same query in a plain session meets the hostile object.
/// </summary>
public sealed class HostileObjectsTests
{
    private static readonly RowWindow Day2 = new("at", new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc),
        new DateTime(2024, 1, 3, 0, 0, 0, DateTimeKind.Utc), DateColumnType.TimestampTz);

    [Fact]
    public async Task ShadowingFunctionsOperatorsAndCasts_InPublicAndTheTableSchema_OutputUnchanged()
    {
        await using var database = await OwnDatabase.CreateAsync("hobj");
        await database.ExecuteAsync("""
            CREATE SCHEMA app;
            CREATE TYPE app.mood AS ENUM ('ok', 'sad');
            CREATE TYPE app.pair AS (a int, m app.mood);
            CREATE TABLE app.events (id int, at timestamptz NOT NULL, m app.mood, p app.pair, ms app.mood[], r int4range, note text);
            INSERT INTO app.events
            SELECT g, '2024-01-01 00:00:00+00'::timestamptz + (g % 3) * interval '1 day', CASE WHEN g % 2 = 0 THEN 'ok' ELSE 'sad' END::app.mood,
                   ROW(g, 'ok')::app.pair, ARRAY['ok', 'sad']::app.mood[], int4range(g, g + 5), 'n' || g
            FROM generate_series(1, 30) g;
            """);
        const string day2 = "SELECT * FROM app.events WHERE at >= '2024-01-02 00:00:00+00' AND at < '2024-01-03 00:00:00+00'";
        var expectedCsv = await database.CopyAsync(day2, "FORMAT csv, HEADER");
        var expectedJson = (await database.ColumnAsync($"SELECT row_to_json(e)::text FROM ({day2}) e")).Order(StringComparer.Ordinal).ToList();

        await database.ExecuteAsync(Shadows("app") + Shadows("public") + """
            CREATE FUNCTION app.mood_json(app.mood) RETURNS json LANGUAGE sql AS $$ SELECT '"pwned"'::json $$;
            CREATE CAST (app.mood AS json) WITH FUNCTION app.mood_json(app.mood);
            CREATE FUNCTION app.mood_text(app.mood) RETURNS text LANGUAGE sql AS $$ SELECT 'pwned' $$;
            CREATE CAST (app.mood AS text) WITH FUNCTION app.mood_text(app.mood);
            """);
        await database.ExecuteAsync($"ALTER DATABASE {database.Name} SET search_path = app, public, pg_catalog");
        // Positive controls: a plain session meets every kind of hostile object.
        Assert.Equal("\"pwned\"", (await database.ColumnAsync("SELECT to_json(m)::text FROM app.events WHERE id OPERATOR(pg_catalog.=) 1"))[0]);
        Assert.Contains("pwned", (await database.ColumnAsync("SELECT pg_catalog.row_to_json(e)::text FROM app.events e WHERE id OPERATOR(pg_catalog.=) 1"))[0]);
        Assert.Equal("pwned", (await database.ColumnAsync("SELECT format('%s', m) FROM app.events WHERE id OPERATOR(pg_catalog.=) 1"))[0]);
        Assert.Equal("pwned", (await database.ColumnAsync("SELECT m::text FROM app.events WHERE id OPERATOR(pg_catalog.=) 1"))[0]);
        Assert.Equal("pwned", (await database.ColumnAsync("SELECT format_type(23, -1)"))[0]);
        Assert.Equal("1030", (await database.ColumnAsync("SELECT count(*)::text FROM app.events"))[0]);
        Assert.Equal("1030", (await database.ColumnAsync("SELECT count(*)::text FROM app.events WHERE at >= now() AND at < now()"))[0]);
        Assert.Equal("1000", (await database.ColumnAsync("SELECT count(*)::text FROM app.events WHERE id = id"))[0]);

        var settings = database.Settings();
        var table = new RelationName("app", "events");
        var (csv, csvRows) = await ReaderHarness.ExportAsync(table, OutputFormat.Csv, settings: settings, window: Day2);
        var (json, jsonRows) = await ReaderHarness.ExportAsync(table, OutputFormat.Jsonl, settings: settings, window: Day2);
        await using var connector = new PostgresConnector(settings);
        var catalog = new PostgresCatalog(connector);
        var unit = new WorkUnit("k", new Period(OutputDuration.Daily, Day2.Start), table, Day2);

        Assert.Equal(expectedCsv, Encoding.UTF8.GetString(csv));
        Assert.Equal(expectedJson, Encoding.UTF8.GetString(json).Split('\n')[..^1].Order(StringComparer.Ordinal));
        Assert.Equal(10, csvRows);
        Assert.Equal(10, jsonRows);
        Assert.Equal(10, await new PostgresUnitReader(connector, 100, new SilentProgress(), TimeProvider.System).CountAsync(unit, estimate: false, CancellationToken.None));
        Assert.Equal("timestamp with time zone", await catalog.ColumnTypeAsync(table, "at", CancellationToken.None));
        Assert.Equal("app.events", Assert.Single(await catalog.DiscoverLeavesAsync(table, CancellationToken.None)).Relation.ToString());
    }

    [Fact]
    public async Task RowLevelSecurityPolicy_ExportFailsInsteadOfLeavingRowsOut()
    {
        await using var database = await OwnDatabase.CreateAsync("hrls");
        var role = TestServices.UniqueName("rls");
        const string password = "rls-test-password";
        await database.ExecuteAsync($"""
            CREATE ROLE {role} LOGIN PASSWORD '{password}';
            CREATE TABLE guarded (id int);
            INSERT INTO guarded SELECT generate_series(1, 10);
            ALTER TABLE guarded ENABLE ROW LEVEL SECURITY;
            CREATE POLICY only_small ON guarded FOR SELECT USING (id < 4);
            GRANT SELECT ON guarded TO {role};
            """);
        try
        {
            // Positive control: a plain session of the role silently sees fewer rows.
            Assert.Equal("3", (await database.ColumnAsync("SELECT count(*)::text FROM guarded", user: role, password: password))[0]);

            var error = await Assert.ThrowsAsync<SourceException>(() =>
                ReaderHarness.ExportAsync(new RelationName("public", "guarded"), OutputFormat.Jsonl, settings: database.Settings(role, password)));

            Assert.False(error.IsTransient);
            Assert.Contains("row-level security", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await database.DisposeAsync();
            await Db.ExecuteAsync($"DROP ROLE IF EXISTS {role}");
        }
    }

    /// <summary>Functions, an aggregate and operators in <paramref name="schema"/> that would change the archiver's statements.</summary>
    private static string Shadows(string schema) => $$"""
        CREATE FUNCTION {{schema}}.to_json(app.mood) RETURNS json LANGUAGE sql AS $$ SELECT '"pwned"'::json $$;
        CREATE FUNCTION {{schema}}.to_json(app.mood[]) RETURNS json LANGUAGE sql AS $$ SELECT '"pwned"'::json $$;
        CREATE FUNCTION {{schema}}.row_to_json(app.events) RETURNS json LANGUAGE sql AS $$ SELECT '{"pwned":1}'::json $$;
        CREATE FUNCTION {{schema}}.format(text, app.mood) RETURNS text LANGUAGE sql AS $$ SELECT 'pwned' $$;
        CREATE FUNCTION {{schema}}.format(text, app.pair) RETURNS text LANGUAGE sql AS $$ SELECT 'pwned' $$;
        CREATE FUNCTION {{schema}}.num_nulls(app.mood) RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
        CREATE FUNCTION {{schema}}.format_type(oid, integer) RETURNS text LANGUAGE sql AS $$ SELECT 'pwned' $$;
        CREATE FUNCTION {{schema}}.to_regclass(text) RETURNS regclass LANGUAGE sql AS $$ SELECT 'pg_catalog.pg_class'::pg_catalog.regclass $$;
        CREATE FUNCTION {{schema}}.has_table_privilege(oid, text) RETURNS bool LANGUAGE sql AS $$ SELECT false $$;
        CREATE AGGREGATE {{schema}}.count(*) (SFUNC = pg_catalog.int8inc, STYPE = int8, INITCOND = '1000');
        CREATE FUNCTION {{schema}}.always(timestamptz, timestamptz) RETURNS bool LANGUAGE sql AS $$ SELECT true $$;
        CREATE OPERATOR {{schema}}.>= (LEFTARG = timestamptz, RIGHTARG = timestamptz, FUNCTION = {{schema}}.always);
        CREATE OPERATOR {{schema}}.< (LEFTARG = timestamptz, RIGHTARG = timestamptz, FUNCTION = {{schema}}.always);
        CREATE FUNCTION {{schema}}.never(int, int) RETURNS bool LANGUAGE sql AS $$ SELECT false $$;
        CREATE OPERATOR {{schema}}.= (LEFTARG = int, RIGHTARG = int, FUNCTION = {{schema}}.never);
        CREATE FUNCTION {{schema}}.never_oid(oid, oid) RETURNS bool LANGUAGE sql AS $$ SELECT false $$;
        CREATE OPERATOR {{schema}}.= (LEFTARG = oid, RIGHTARG = oid, FUNCTION = {{schema}}.never_oid);

        """;
}
