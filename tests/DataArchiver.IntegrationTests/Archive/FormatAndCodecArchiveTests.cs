using System.Text;
using System.Text.Json.Nodes;
using DataArchiver.IntegrationTests.Formats;
using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Archive;

/// <summary>
/// Every format and codec through the whole command, read back with independent tools: the system's zstd, gzip
/// and lz4 for the codecs, psql's COPY for CSV, row_to_json for JSONL, DuckDB for Parquet.
/// </summary>
public sealed class FormatAndCodecArchiveTests : IDisposable
{
    private readonly ArchiveArgs _args = new();

    public void Dispose() => _args.Dispose();

    private static async Task<string> CreateTableAsync()
    {
        var t = TestServices.UniqueName("fc");
        await Db.ExecuteAsync($$"""
            CREATE TABLE {{t}} (id int NOT NULL, at timestamptz NOT NULL, txt text, n numeric, f float8, tags text[], j jsonb, b bytea)
                PARTITION BY RANGE (at);
            CREATE TABLE {{t}}_20240301 PARTITION OF {{t}} FOR VALUES FROM ('2024-03-01') TO ('2024-03-02');
            INSERT INTO {{t}} VALUES
              (0, '2024-03-01 00:00:00+00', E'quote " comma , cr\r lf\n tab\t back\\ emoji 🎉', 'NaN', 'NaN', ARRAY['a,b', NULL, '"q"'],
               '{"k": [1, null, {"x": "y"}]}', '\x0001ff'),
              (1, '2024-03-01 00:00:01+00', '', 123456789012345678901234567890.5, '-Infinity', '{}', 'null', '\x'),
              (2, '2024-03-01 00:00:02+00', NULL, NULL, -0, NULL, NULL, NULL);
            INSERT INTO {{t}} SELECT g, '2024-03-01'::timestamptz + g * interval '1 second', 'row ' || g, g / 3.0, g * 1.5,
                ARRAY[g::text], jsonb_build_object('g', g), decode(md5(g::text), 'hex')
                FROM generate_series(3, 20000) g;
            """);
        return t;
    }

    private string[] Args(string table, string target, string format, string codec) =>
    [
        "archive", .. ArchiveArgs.Database, "--local-dir", target, "--table", table, "--path-template", "{table}",
        "--start-date", "2024-03-01", "--end-date", "2024-03-01", "--state-dir", _args.StateDirectory, "--temp-dir", _args.TempDirectory,
        "--output-format", format, "--compression", codec, "--chunk-size", "1000",
    ];

    [Theory]
    [InlineData("zstd", ".zst", "zstd")]
    [InlineData("gzip", ".gz", "gzip")]
    [InlineData("lz4", ".lz4", "lz4")]
    [InlineData("none", "", null)]
    public async Task Archive_CsvWithEachCodec_SystemToolDecompressesToServerCopyBytes(string codec, string extension, string? tool)
    {
        var t = await CreateTableAsync();
        var target = Path.Combine(_args.Root, "out");

        var run = await CliRunner.RunAsync(Args(t, target, "csv", codec), _args.Environment);

        Assert.True(run.ExitCode == 0, run.Describe());
        var stored = await File.ReadAllBytesAsync(Path.Combine(target, t, $"{t}-2024-03-01.csv{extension}"));
        var plain = tool is null ? stored : await Tools.PipeAsync(tool, stored, "-d", "-c");
        var expected = await Tools.PsqlAsync($"COPY (SELECT * FROM {t}_20240301) TO STDOUT (FORMAT csv, HEADER)");
        Assert.Equal(expected, plain);
    }

    [Theory]
    [InlineData("gzip", ".gz", "gzip")]
    [InlineData("lz4", ".lz4", "lz4")]
    public async Task Archive_JsonlWithCodec_EveryLineEqualsRowToJson(string codec, string extension, string tool)
    {
        var t = await CreateTableAsync();
        var target = Path.Combine(_args.Root, "out");

        var run = await CliRunner.RunAsync(Args(t, target, "jsonl", codec), _args.Environment);

        Assert.True(run.ExitCode == 0, run.Describe());
        var stored = await File.ReadAllBytesAsync(Path.Combine(target, t, $"{t}-2024-03-01.jsonl{extension}"));
        var lines = Encoding.UTF8.GetString(await Tools.PipeAsync(tool, stored, "-d", "-c")).Split('\n')[..^1]
            .OrderBy(l => (int)JsonNode.Parse(l)!["id"]!).ToList();
        var expected = await Db.ColumnAsync($"SELECT row_to_json(p)::text FROM {t}_20240301 p ORDER BY id");
        Assert.Equal(expected.Count, lines.Count);
        for (var i = 0; i < expected.Count; i++)
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected[i]), JsonNode.Parse(lines[i])), $"row {i}: {expected[i]} vs {lines[i]}");
    }

    [Theory]
    [InlineData("zstd")]
    [InlineData("snappy")]
    [InlineData("gzip")]
    [InlineData("none")]
    public async Task Archive_ParquetWithEachCodec_DuckDbReadsTheSameValues(string codec)
    {
        var t = await CreateTableAsync();
        var target = Path.Combine(_args.Root, "out");

        var run = await CliRunner.RunAsync(Args(t, target, "parquet", codec), _args.Environment);

        Assert.True(run.ExitCode == 0, run.Describe());
        var file = Path.Combine(target, t, $"{t}-2024-03-01.parquet");
        Assert.True(File.Exists(file), run.Describe());
        var got = DuckDb.Query($"SELECT id, txt, CAST(f AS VARCHAR), to_hex(b) FROM read_parquet({DuckDb.Literal(file)}) ORDER BY id")
            .Select(r => string.Join('|', r.Select(v => v?.ToString() ?? "∅"))).ToList();
        var want = await Db.ColumnAsync(
            $"SELECT id || '|' || coalesce(txt, '∅') || '|' || coalesce(f::text, '∅') || '|' || coalesce(upper(encode(b, 'hex')), '∅') FROM {t}_20240301 ORDER BY id");
        Assert.Equal(want.Count, got.Count);
        // float8 text differs between engines only in spelling of specials; compare those columns by value elsewhere (Formats tests).
        Assert.Equal(want.Select(w => Normalize(w)), got.Select(g => Normalize(g)));
    }

    private static string Normalize(string row)
    {
        var parts = row.Split('|');
        parts[2] = parts[2] switch
        {
            "∅" => "∅",
            "NaN" or "nan" => "NaN",
            "-Infinity" or "-inf" => "-Infinity",
            "Infinity" or "inf" => "Infinity",
            var number => double.Parse(number, System.Globalization.CultureInfo.InvariantCulture).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        };
        return string.Join('|', parts);
    }
}
