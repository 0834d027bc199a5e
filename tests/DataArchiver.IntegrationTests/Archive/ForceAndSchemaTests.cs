using DataArchiver.IntegrationTests.Drills;
using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Archive;

/// <summary><c>--force</c> and a non-<c>public</c> <c>--schema</c>, through the published CLI against the real services.</summary>
public sealed class ForceAndSchemaTests : IDisposable
{
    private static readonly DateOnly Day1 = new(2024, 6, 1);
    private static readonly DateOnly Day2 = new(2024, 6, 2);

    private readonly ArchiveArgs _args = new();

    public void Dispose() => _args.Dispose();

    [Fact]
    public async Task Force_AfterThePartitionChanged_ReadsTheDatabaseAgainAndReplacesEveryObject()
    {
        var table = await DrillTable.CreateAsync("fo");
        await table.AddDayAsync(Day1, 500);
        await table.AddDayAsync(Day2, 700);
        var args = _args.ToS3(table.Name, table.Prefix, "2024-06-01", "2024-06-02");
        var first = await CliRunner.RunAsync(args, _args.Environment);
        Assert.True(first.ExitCode == 0, first.Describe());

        // A late change: without --force the stored objects count as done and the change is not seen.
        await Db.ExecuteAsync($"UPDATE {table.Partition(Day1)} SET body = 'changed' WHERE id <= 10; DELETE FROM {table.Partition(Day2)} WHERE id > 600");
        var plain = await CliRunner.RunAsync(args, _args.Environment);
        Assert.True(plain.ExitCode == 0, plain.Describe());
        Summary.AssertSays(plain, "archived 0, skipped 2, empty 0, failed 0");

        using var s3 = S3TestClient.Create();
        var window = await S3LogWindow.OpenAsync(s3, table.Prefix);
        var forced = await CliRunner.RunAsync([.. args, "--force"], _args.Environment);

        Assert.True(forced.ExitCode == 0, forced.Describe());
        Summary.AssertSays(forced, "archived 2, skipped 0, empty 0, failed 0");
        var lines = await window.CloseAsync();
        Assert.NotEmpty(S3LogWindow.Writes(lines, table.Key(Day1)));
        Assert.NotEmpty(S3LogWindow.Writes(lines, table.Key(Day2)));
        // The objects now hold what the partitions hold, row for row (600 rows left on day 2).
        await ArchivedObject.AssertExactAsync(s3, table.Key(Day1), table.Partition(Day1));
        await ArchivedObject.AssertExactAsync(s3, table.Key(Day2), table.Partition(Day2));
    }

    [Fact]
    public async Task Schema_NotPublic_ArchivesThatSchemasTableNotTheSameNamedOneInPublic()
    {
        var schema = TestServices.UniqueName("sch");
        var name = TestServices.UniqueName("ev");
        var prefix = TestServices.UniqueName("schp");
        // The same table name in public holds other rows: picking the wrong schema cannot go unnoticed.
        await Db.ExecuteAsync($"""
            CREATE SCHEMA {schema};
            CREATE TABLE {schema}.{name} (id bigint NOT NULL, at timestamptz NOT NULL, body text) PARTITION BY RANGE (at);
            CREATE TABLE {schema}.{name}_20240601 PARTITION OF {schema}.{name} FOR VALUES FROM ('2024-06-01') TO ('2024-06-02');
            INSERT INTO {schema}.{name} SELECT g, '2024-06-01'::timestamptz + g * interval '1 second', 'in ' || '{schema}' FROM generate_series(1, 300) g;
            CREATE TABLE public.{name} (id bigint NOT NULL, at timestamptz NOT NULL, body text) PARTITION BY RANGE (at);
            CREATE TABLE public.{name}_20240601 PARTITION OF public.{name} FOR VALUES FROM ('2024-06-01') TO ('2024-06-02');
            INSERT INTO public.{name} SELECT g, '2024-06-01'::timestamptz, 'in public' FROM generate_series(1, 50) g;
            """);

        var run = await CliRunner.RunAsync(_args.ToS3(name, prefix, "2024-06-01", "2024-06-01", "--schema", schema), _args.Environment);

        Assert.True(run.ExitCode == 0, run.Describe());
        Summary.AssertSays(run, "archived 1, skipped 0, empty 0, failed 0");
        using var s3 = S3TestClient.Create();
        var key = $"{prefix}/{name}/2024/06/{name}-2024-06-01.jsonl.zst";
        Assert.Equal([key], await ArchivedObject.KeysAsync(s3, prefix));
        await ArchivedObject.AssertExactAsync(s3, key, $"{schema}.{name}_20240601");
        var head = await s3.GetObjectMetadataAsync(TestServices.S3Bucket, key);
        Assert.Equal($"{schema}.{name}_20240601", head.Metadata["x-amz-meta-source"]);
    }
}
