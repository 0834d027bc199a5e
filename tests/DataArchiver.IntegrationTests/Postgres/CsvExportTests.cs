using DataArchiver.Core.Configuration;
using DataArchiver.Core.Planning;
using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Postgres;

public sealed class CsvExportTests
{
    [Fact]
    public async Task Export_EdgeValues_ByteIdenticalToServerCopyThroughPsql()
    {
        var table = TestServices.UniqueName("csv");
        await Db.ExecuteAsync($$"""
            CREATE TABLE {{table}} (id int, t text, n numeric, at timestamptz, arr text[], j jsonb, b bytea);
            INSERT INTO {{table}} VALUES
              (1, '', 1.50, '2024-03-01 12:00:00+00', ARRAY['a,b', NULL, '"x"'], '{"k": "v\n"}', '\x00'),
              (2, NULL, 'NaN', 'infinity', '{}', NULL, NULL),
              (3, E'multi\r\nline, "quoted" \\ emoji 🎉', -1e-40, '1999-12-31 23:59:59.999999+00', NULL, '[1, 2]', '\xdeadbeef');
            INSERT INTO {{table}} SELECT g, 'row ' || g, g / 7.0, '2024-01-01'::timestamptz + g * interval '1 second', NULL, NULL, NULL
            FROM generate_series(4, 3000) g;
            """);

        var (bytes, rows) = await ReaderHarness.ExportAsync(new RelationName("public", table), OutputFormat.Csv, chunkSize: 100);

        var expected = await Tools.PsqlAsync($"COPY (SELECT * FROM {table}) TO STDOUT (FORMAT csv, HEADER)");
        Assert.Equal(3000, rows);
        Assert.Equal(expected, bytes);
    }
}
