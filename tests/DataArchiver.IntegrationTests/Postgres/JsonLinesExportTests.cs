using System.Text;
using System.Text.Json.Nodes;
using DataArchiver.Core.Configuration;
using DataArchiver.Core.Planning;
using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Postgres;

public sealed class JsonLinesExportTests
{
    [Fact]
    public async Task Export_MixedTypesAndEdgeValues_EachLineEqualsRowToJson()
    {
        var table = TestServices.UniqueName("jl");
        await Db.ExecuteAsync($$"""
            CREATE TABLE {{table}} (
                id bigint NOT NULL, name text, note varchar(20), amount numeric(12,2), big numeric, ratio float8, small real,
                flag bool, at timestamptz, local_at timestamp, day date, payload jsonb, raw json, tags text[], data bytea, u uuid,
                span interval, addr inet);
            INSERT INTO {{table}} VALUES
              (1, 'plain', 'x', 12.50, 123456789012345678901234567890.123456789, 1.5, 2.25, true, '2024-01-01 10:00:00+00',
               '2024-01-01 10:00:00.123456', '2024-01-01', '{"a":{"b":[1,2,null]} }', '{ "k" :
               1 }', ARRAY['a','b,c','"q"',NULL], '\x00ff10', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '1 day 2 hours', '10.0.0.1/8'),
              (2, E'line\nbreak\ttab "quoted" \\back', '', NULL, 'NaN', 'NaN', '-Infinity', false, 'infinity', '-infinity', 'infinity',
               '[]', 'null', '{}', '\x', NULL, NULL, NULL),
              (3, 'emoji 🎉 ünïcode', NULL, -0.01, -1e-30, -0, 'Infinity', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
              ({{long.MaxValue}}, '', NULL, NULL, NULL, 1e308, 1e-38, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
              ({{long.MinValue}}, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
            """);

        await RowToJson.AssertExportMatchesAsync(table);
    }

    [Fact]
    public async Task Export_ManyRowsOverManyChunks_AllRowsInOrderOfKeys()
    {
        var table = TestServices.UniqueName("jlmany");
        await Db.ExecuteAsync($"CREATE TABLE {table} AS SELECT g AS id, repeat('x', g % 50) AS pad FROM generate_series(1, 25000) g");

        var (bytes, rows) = await ReaderHarness.ExportAsync(new RelationName("public", table), OutputFormat.Jsonl, chunkSize: 100);

        Assert.Equal(25000, rows);
        var ids = Encoding.UTF8.GetString(bytes).TrimEnd('\n').Split('\n').Select(l => (long)JsonNode.Parse(l)!["id"]!).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 25000).Select(i => (long)i), ids);
    }
}
