using DataArchiver.IntegrationTests.Support;
using NpgsqlTypes;

namespace DataArchiver.IntegrationTests.Postgres;

/// <summary>
/// Every type the JSON lines writer encodes itself, with its edge values, and the types left to the server: each exported
/// line must be byte-identical to row_to_json.
/// </summary>
public sealed class JsonLinesValueTests
{
    [Fact]
    public async Task Export_TextTypes_EscapedAsPostgresDoes()
    {
        var table = TestServices.UniqueName("jltext");
        await Db.ExecuteAsync($$"""
            CREATE TABLE {{table}} (id int, t text, v varchar(300), c char(5), n name, "key ""with"" \ and
            newline" text);
            INSERT INTO {{table}} VALUES
              (1, NULL, NULL, NULL, NULL, NULL),
              (2, '', '', '', '', ''),
              (3, E'quote " backslash \\ slash / tab \t cr \r lf \n bs \b ff \f', 'ab', 'ab', 'pg_catalog', 'x'),
              (4, (SELECT string_agg(chr(i), '' ORDER BY i) FROM generate_series(1, 31) i), chr(127) || chr(128) || chr(8232) || chr(65279),
               ' ', 'ü', '🎉'),
              (5, 'emoji 🎉 ünïcode 中文 '' single', repeat('é', 300), 'abcde', repeat('n', 63), '{"not": "json"}'),
              (6, repeat(E'x\"\\\u0001y', 60000), NULL, NULL, NULL, NULL);
            """);

        await RowToJson.AssertExportMatchesAsync(table);
    }

    [Fact]
    public async Task Export_Numbers_DigitsAsPostgresPrintsThem()
    {
        var table = TestServices.UniqueName("jlnum");
        await Db.ExecuteAsync($"""
            CREATE TABLE {table} (id int, b bool, s smallint, i int, l bigint, r real, d float8, n numeric, p numeric(12,2), z numeric(5,-2));
            INSERT INTO {table} VALUES
              (1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
              (2, true, -32768, -2147483648, {long.MinValue}, 'NaN', 'NaN', 'NaN', 0, 12345),
              (3, false, 32767, 2147483647, {long.MaxValue}, 'Infinity', 'Infinity', 'Infinity', -0.01, -99949),
              (4, true, 0, 0, 0, '-Infinity', '-Infinity', '-Infinity', 9999999999.99, 0),
              (5, false, -1, -1, -1, '-0', '-0', 0, -9999999999.99, 50),
              (6, true, 1, 1, 1, 1.4e-45, 5e-324, 123456789012345678901234567890.123456789, 1.5, NULL),
              (7, NULL, NULL, NULL, NULL, 3.4028235e38, 1e308, -0.000000000000000000000000000001, NULL, NULL),
              (8, NULL, NULL, NULL, NULL, 0.1, 0.1, 0.0000, NULL, NULL),
              (9, NULL, NULL, NULL, NULL, 1234567, 1e15, 1e30, NULL, NULL),
              (10, NULL, NULL, NULL, NULL, 123456, 123456789012345, 2::numeric ^ 1000, NULL, NULL),
              (11, NULL, NULL, NULL, NULL, 1e-5, 1e-5, 1.000000000000000000000000000000000000000001, NULL, NULL),
              (12, NULL, NULL, NULL, NULL, 1.17549435e-38, 2.2250738585072014e-308, 0.5, NULL, NULL),
              (13, NULL, NULL, NULL, NULL, 16777217, 1e23, 10000, NULL, NULL),
              (14, NULL, NULL, NULL, NULL, 0.0001, 0.0001, 0.0001, NULL, NULL),
              (15, NULL, NULL, NULL, NULL, -2.5, 9007199254740993, ('1' || repeat('0', 100000))::numeric, NULL, NULL),
              (16, NULL, NULL, NULL, NULL, NULL, NULL, ('0.' || repeat('0', 16000) || '1')::numeric, NULL, NULL);
            """);

        await RowToJson.AssertExportMatchesAsync(table);
    }

    [Fact]
    public async Task Export_RandomFloats_DigitsAsPostgresPrintsThem()
    {
        var table = TestServices.UniqueName("jlflt");
        await Db.ExecuteAsync($"CREATE TABLE {table} (id int, r real, d float8)");
        var random = new Random(20240101);
        await using (var connection = await Db.OpenAsync())
        await using (var import = await connection.BeginBinaryImportAsync($"COPY {table} FROM STDIN (FORMAT binary)"))
        {
            for (var id = 0; id < 50_000; id++)
            {
                await import.StartRowAsync();
                await import.WriteAsync(id, NpgsqlDbType.Integer);
                // Half random bit patterns (all magnitudes, subnormals, NaN payloads), half everyday decimals.
                var single = id % 2 == 0
                    ? BitConverter.Int32BitsToSingle(random.Next(int.MinValue, int.MaxValue))
                    : (float)Math.Round(random.NextDouble() * 1000, 3);
                var @double = id % 2 == 0
                    ? BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue))
                    : random.Next(100_000) / 3.0;
                await import.WriteAsync(single, NpgsqlDbType.Real);
                await import.WriteAsync(@double, NpgsqlDbType.Double);
            }
            await import.CompleteAsync();
        }

        await RowToJson.AssertExportMatchesAsync(table);
    }

    [Fact]
    public async Task Export_DatesAndTimes_IsoAsToJsonRendersThem()
    {
        var table = TestServices.UniqueName("jltime");
        await Db.ExecuteAsync($"""
            CREATE TABLE {table} (id int, d date, t time, ts timestamp, tz timestamptz);
            INSERT INTO {table} VALUES
              (1, NULL, NULL, NULL, NULL),
              (2, '2024-01-01', '00:00:00', '2024-01-01 10:00:00', '2024-01-01 10:00:00+00'),
              (3, 'infinity', '24:00:00', 'infinity', 'infinity'),
              (4, '-infinity', '23:59:59.999999', '-infinity', '-infinity'),
              (5, '4714-11-24 BC', '12:00:00.1', '4714-11-24 00:00:00 BC', '4714-11-24 00:00:00+00 BC'),
              (6, '5874897-12-31', '12:00:00.12', '294276-12-31 23:59:59.999999', '294276-12-31 23:59:59.999999+00'),
              (7, '0001-01-01', '12:00:00.123', '0044-03-15 12:34:56.5 BC', '0044-03-15 12:34:56.5+00 BC'),
              (8, '0001-12-31 BC', '12:00:00.1234', '1999-12-31 23:59:59.999999', '1999-12-31 23:59:59.999999+00'),
              (9, '2000-02-29', '12:00:00.12345', '2000-01-01 00:00:00', '2000-01-01 00:00:00+00'),
              (10, '1900-02-28', '12:00:00.123456', '1969-12-31 23:59:59.000001', '1969-12-31 23:59:59.000001+00'),
              (11, '9999-12-31', '00:00:00.000001', '9999-12-31 23:59:59.1', '10000-01-01 00:00:00.12+00'),
              (12, '10000-01-01', '01:02:03', '2024-02-29 01:02:03.123', '2024-06-30 22:00:00.1234-02'),
              (13, '1582-10-04', NULL, '1582-10-15 00:00:00.12345', '0001-01-01 00:00:00+00'),
              (14, '0001-01-01 BC', NULL, '0001-12-31 23:59:59.999999 BC', '0001-01-01 00:00:00+00 BC');
            """);

        await RowToJson.AssertExportMatchesAsync(table);
    }

    [Fact]
    public async Task Export_JsonUuidAndBytes_AsToJsonRendersThem()
    {
        var table = TestServices.UniqueName("jljson");
        await Db.ExecuteAsync($$"""
            CREATE TABLE {{table}} (id int, j json, b jsonb, u uuid, x bytea);
            INSERT INTO {{table}} VALUES
              (1, NULL, NULL, NULL, NULL),
              (2, '{ "k" :
                1 ,	"s": "a\nb\u00e9" }', '{"a": {"b": [1, 2.50, {"c": null}]}, "d": "x\ny\"\\", "e": true}',
               'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '\x00ff10'),
              (3, E'[1,\r\n2]', '[]', '00000000-0000-0000-0000-000000000000', '\x'),
              (4, '"str"', '"🎉 ü"', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF', decode(repeat('00ff7f80', 30000), 'hex')),
              (5, 'null', 'null', '12345678-9abc-def0-1234-56789abcdef0', '\xdeadbeef'),
              (6, '  {"a":"\u00e9"}  ', '{"deep": [[[[{"x": 1e400}]]]]}', NULL, NULL),
              (7, '12.50', '12.50', NULL, NULL);
            """);

        await RowToJson.AssertExportMatchesAsync(table);
    }

    [Fact]
    public async Task Export_Arrays_NestedAsToJsonRendersThem()
    {
        var table = TestServices.UniqueName("jlarr");
        // Array literals are full of braces: the table name is put in by replacement.
        await Db.ExecuteAsync("""
            CREATE TABLE @table (id int, i int[], l bigint[], t text[], c char(2)[], f float8[], r real[], n numeric[], b bool[],
                ts timestamptz[], d date[], tm time[], j json[], jb jsonb[], u uuid[], x bytea[]);
            INSERT INTO @table VALUES
              (1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
              (2, '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}'),
              (3, '{1,NULL,3}', '{-9223372036854775808,9223372036854775807}', '{"a","b,c","\"q\"",NULL,"","NULL"}', '{a,NULL}',
               '{NaN,Infinity,-Infinity,-0,0.1,1e308}', '{NaN,1.5,-0}', '{1.50,NaN,-Infinity,0.000}', '{true,false,NULL}',
               '{infinity,"2024-01-01 00:00:00.5+00",NULL}', '{-infinity,"0044-03-15 BC"}', '{"24:00:00","12:00:00.5"}',
               ARRAY['{ "k" :
               1 }'::json, NULL], ARRAY['{"a": [1, {"b": null}]}'::jsonb, '"s"'], '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11,NULL}',
               '{"\\x00ff",NULL,"\\x"}'),
              (4, '[2:3]={7,8}', '{{1,2},{3,4}}', '{{"a","b"},{"c",NULL}}', '{{a},{b}}', '{{1.5},{2.5}}', '[0:1]={1,2}',
               '{{1},{2}}', '{{{true}},{{false}}}', '{{"2024-01-01 10:00:00+00"}}', '[-5:-5]={2024-01-01}', '{{"01:02:03"}}',
               '{{"[1]"},{"{}"}}', '{{"[]"},{"{}"}}', '{{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}}', '{{"\\x01"}}'),
              (5, '{{{1,2,3}},{{4,5,6}}}', '{{{{{{1}}}}}}', '{{"é🎉"}}', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
            """.Replace("@table", table, StringComparison.Ordinal));

        await RowToJson.AssertExportMatchesAsync(table);
    }

    [Fact]
    public async Task Export_TypesLeftToTheServer_AsToJsonRendersThem()
    {
        var table = TestServices.UniqueName("jlsrv");
        var mood = table + "_mood";
        var label = table + "_label";
        var pair = table + "_pair";
        await Db.ExecuteAsync($$"""
            CREATE TYPE {{mood}} AS ENUM ('ok', 'not "ok"');
            CREATE DOMAIN {{label}} AS text CHECK (VALUE <> 'bad');
            CREATE TYPE {{pair}} AS (a int, b text);
            CREATE TABLE {{table}} (id int, m {{mood}}, lb {{label}}, p {{pair}}, span interval, tz timetz, addr inet, rng int4range,
                ms {{mood}}[], lbs {{label}}[], spans interval[], bits bit varying, pt point, x xml, o oid);
            INSERT INTO {{table}} VALUES
              (1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
              (2, 'not "ok"', E'a\nb', ROW(1, 'x"y'), '1 day 2 hours 3.5 seconds', '10:00:00.5+02', '10.0.0.1/8', '[1,5)',
               ARRAY['ok', 'not "ok"']::{{mood}}[], ARRAY['z']::{{label}}[], ARRAY['-1 year'::interval], B'1011', '(1.5,-2)',
               '<a>x</a>', 4294967295);
            """);

        await RowToJson.AssertExportMatchesAsync(table);
    }
}
