using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Archive;

public sealed class PartitionArchiveTests : IDisposable
{
    private readonly ArchiveArgs _args = new();

    public void Dispose() => _args.Dispose();

    [Fact]
    public async Task Archive_DailyPartitionsAndTwoLevelTree_EveryObjectExactAndVerified()
    {
        var t = TestServices.UniqueName("ev");
        var prefix = TestServices.UniqueName("e2e");
        await Db.ExecuteAsync($"""
            CREATE TABLE {t} (id bigint NOT NULL, at timestamptz NOT NULL, name text, amount numeric(12,2), flag bool, payload jsonb, tags text[], note text)
                PARTITION BY RANGE (at);
            CREATE TABLE {t}_20240101 PARTITION OF {t} FOR VALUES FROM ('2024-01-01') TO ('2024-01-02');
            CREATE TABLE {t}_20240102 PARTITION OF {t} FOR VALUES FROM ('2024-01-02') TO ('2024-01-03');
            CREATE TABLE {t}_p20240103 PARTITION OF {t} FOR VALUES FROM ('2024-01-03') TO ('2024-01-04');
            CREATE TABLE {t}_2024_02 PARTITION OF {t} FOR VALUES FROM ('2024-02-01') TO ('2024-03-01') PARTITION BY RANGE (at);
            CREATE TABLE {t}_20240201 PARTITION OF {t}_2024_02 FOR VALUES FROM ('2024-02-01') TO ('2024-02-02');
            CREATE TABLE {t}_20240202 PARTITION OF {t}_2024_02 FOR VALUES FROM ('2024-02-02') TO ('2024-02-03');
            CREATE TABLE {t}_20240301 PARTITION OF {t} FOR VALUES FROM ('2024-03-01') TO ('2024-03-02');
            CREATE TABLE {t}_odd PARTITION OF {t} FOR VALUES FROM ('2024-03-02') TO ('2024-03-05');
            INSERT INTO {t} SELECT g, '2024-01-01'::timestamptz + (g % 86400) * interval '1 second', 'name ' || g || ' "q", x',
                g / 100.0, g % 2 = 0, jsonb_build_object('g', g, 'nested', jsonb_build_array(g, NULL)), ARRAY['a', g::text, NULL],
                CASE WHEN g % 3 = 0 THEN NULL ELSE '' END
                FROM generate_series(1, 5) g;
            INSERT INTO {t} SELECT g, '2024-01-03'::timestamptz + (g % 86400) * interval '1 second', 'bulk ' || g, g / 7.0, NULL, NULL, NULL, 'é🎉'
                FROM generate_series(1, 120000) g;
            INSERT INTO {t} SELECT g, '2024-02-01'::timestamptz + g * interval '1 hour', 'feb', 1, true, jsonb_build_object(), ARRAY[]::text[], NULL FROM generate_series(0, 47) g;
            INSERT INTO {t} VALUES (1, '2024-03-01 00:00:00+00', 'outside the range', 0, false, NULL, NULL, NULL);
            """);

        var run = await CliRunner.RunAsync(_args.ToS3(t, prefix, "2024-01-01", "2024-02-29", "--chunk-size", "5000"), _args.Environment);

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Contains($"skipping public.{t}_odd", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"public.{t}_20240102: empty", run.Stderr, StringComparison.Ordinal);
        var expected = new Dictionary<string, string>
        {
            [$"{prefix}/{t}/2024/01/{t}-2024-01-01.jsonl.zst"] = $"{t}_20240101",
            [$"{prefix}/{t}/2024/01/{t}-2024-01-03.jsonl.zst"] = $"{t}_p20240103",
            [$"{prefix}/{t}/2024/02/{t}-2024-02-01.jsonl.zst"] = $"{t}_20240201",
            [$"{prefix}/{t}/2024/02/{t}-2024-02-02.jsonl.zst"] = $"{t}_20240202",
        };
        using var s3 = S3TestClient.Create();
        var listed = await S3TestClient.ListAsync(s3, prefix + "/");
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), listed.Select(o => o.Key).Order(StringComparer.Ordinal));

        foreach (var (key, partition) in expected)
        {
            var bytes = await S3TestClient.DownloadAsync(s3, key);
            var head = await s3.GetObjectMetadataAsync(TestServices.S3Bucket, key);
            Assert.Equal(head.ContentLength, bytes.Length);
            Assert.Equal(Convert.ToHexStringLower(MD5.HashData(bytes)), head.ETag.Trim('"'));
            Assert.Equal(Convert.ToHexStringLower(MD5.HashData(bytes)), head.Metadata["x-amz-meta-md5"]);

            var text = Encoding.UTF8.GetString(await Tools.PipeAsync("zstd", bytes, "-d", "-c"));
            var lines = text.Split('\n')[..^1];
            var want = await Db.ColumnAsync($"SELECT row_to_json(p)::text FROM {partition} p ORDER BY id");
            Assert.Equal(want.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), head.Metadata["x-amz-meta-rows"]);
            var got = lines.OrderBy(l => (long)JsonNode.Parse(l)!["id"]!).ToList();
            Assert.Equal(want.Count, got.Count);
            for (var i = 0; i < want.Count; i++)
                Assert.True(JsonNode.DeepEquals(JsonNode.Parse(want[i]), JsonNode.Parse(got[i])), $"{key} row {i}: {want[i]} vs {got[i]}");
        }
        Assert.Empty(Directory.EnumerateFiles(_args.TempDirectory));
    }

    [Fact]
    public async Task Archive_ToLocalDirectory_SameRowsAsTheDatabase()
    {
        var t = TestServices.UniqueName("loc");
        await Db.ExecuteAsync($"""
            CREATE TABLE {t} (id int, day date) PARTITION BY RANGE (day);
            CREATE TABLE {t}_2024_05 PARTITION OF {t} FOR VALUES FROM ('2024-05-01') TO ('2024-06-01');
            INSERT INTO {t} SELECT g, '2024-05-01'::date + g % 31 FROM generate_series(1, 1000) g;
            """);
        var target = Path.Combine(_args.Root, "out");

        var run = await CliRunner.RunAsync(
            ["archive", .. ArchiveArgs.Database, "--local-dir", target, "--table", t, "--path-template", "x/{table}", "--start-date", "2024-05-01",
             "--end-date", "2024-05-31", "--state-dir", _args.StateDirectory, "--temp-dir", _args.TempDirectory, "--compression", "none"],
            _args.Environment);

        Assert.True(run.ExitCode == 0, run.Describe());
        var file = Path.Combine(target, "x", t, $"{t}-2024-05.jsonl");
        var ids = (await File.ReadAllLinesAsync(file)).Select(l => (int)JsonNode.Parse(l)!["id"]!).Order();
        Assert.Equal(Enumerable.Range(1, 1000), ids);
    }
}
