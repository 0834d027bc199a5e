using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Windows;

public sealed class WindowRulesTests : IDisposable
{
    private readonly ArchiveArgs _args = new();

    public void Dispose() => _args.Dispose();

    [Fact]
    public async Task Archive_PlainTableWithoutDateColumn_UsageErrorSaysWhatToAdd()
    {
        var table = TestServices.UniqueName("wr");
        var prefix = TestServices.UniqueName("wru");
        await Db.ExecuteAsync($"CREATE TABLE {table} (id int, at timestamptz); INSERT INTO {table} VALUES (1, '2024-01-01');");

        var run = await CliRunner.RunAsync(_args.ToS3(table, prefix, "2024-01-01", "2024-01-31"), _args.Environment);

        await WindowAssert.RejectedAsync(run, prefix, $"table public.{table} is not partitioned", "add --date-column");
    }

    [Fact]
    public async Task Archive_MonthlyOnDailyPartitionsWithoutDateColumn_RejectedBeforeAnythingIsWritten_DailyAccepted()
    {
        var table = TestServices.UniqueName("wr");
        var prefix = TestServices.UniqueName("wru");
        await Db.ExecuteAsync($"""
            CREATE TABLE {table} (id int, at timestamptz) PARTITION BY RANGE (at);
            CREATE TABLE {table}_20240101 PARTITION OF {table} FOR VALUES FROM ('2024-01-01') TO ('2024-01-02');
            CREATE TABLE {table}_20240102 PARTITION OF {table} FOR VALUES FROM ('2024-01-02') TO ('2024-01-03');
            INSERT INTO {table} VALUES (1, '2024-01-01 10:00'), (2, '2024-01-02 10:00');
            """);

        var rejected = await CliRunner.RunAsync(_args.ToS3(table, prefix, "2024-01-01", "2024-01-02", "--output-duration", "monthly"), _args.Environment);
        var accepted = await CliRunner.RunAsync(_args.ToS3(table, prefix + "-ok", "2024-01-01", "2024-01-02", "--output-duration", "daily",
            "--compression", "none"), _args.Environment);

        await WindowAssert.RejectedAsync(rejected, prefix, "--output-duration monthly needs --date-column", $"{table}_2024010", "split or merged");
        Assert.True(accepted.ExitCode == 0, accepted.Describe());
        Assert.Equal([$"{prefix}-ok/{table}/2024/01/{table}-2024-01-01.jsonl", $"{prefix}-ok/{table}/2024/01/{table}-2024-01-02.jsonl"],
            (await ArchivedObjects.KeysAsync(prefix + "-ok")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Archive_TwoPartitionsNamedForTheSameDay_PlanningErrorBeforeAnythingIsWritten()
    {
        var table = TestServices.UniqueName("wr");
        var prefix = TestServices.UniqueName("wru");
        await Db.ExecuteAsync($"""
            CREATE TABLE {table} (id int, at timestamptz) PARTITION BY RANGE (at);
            CREATE TABLE {table}_20240101 PARTITION OF {table} FOR VALUES FROM ('2024-01-01') TO ('2024-01-02');
            CREATE TABLE {table}_p20240101 PARTITION OF {table} FOR VALUES FROM ('2024-01-02') TO ('2024-01-03');
            CREATE TABLE {table}_20240103 PARTITION OF {table} FOR VALUES FROM ('2024-01-03') TO ('2024-01-04');
            INSERT INTO {table} VALUES (1, '2024-01-01 10:00'), (2, '2024-01-02 10:00'), (3, '2024-01-03 10:00');
            """);

        var run = await CliRunner.RunAsync(_args.ToS3(table, prefix, "2024-01-01", "2024-01-31"), _args.Environment);

        await WindowAssert.RejectedAsync(run, prefix,
            $"public.{table}_20240101 and public.{table}_p20240101 would both be written to {prefix}/{table}/2024/01/{table}-2024-01-01.jsonl.zst");
        Assert.Empty(Directory.EnumerateFiles(_args.StateDirectory, "archive-*.json"));
    }
}
