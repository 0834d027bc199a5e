using DataArchiver.Core.Configuration;
using DataArchiver.Core.Formats;
using DataArchiver.Core.Planning;
using DataArchiver.IntegrationTests.Support;
using DataArchiver.Postgres;
using DataArchiver.Postgres.Extraction;

namespace DataArchiver.IntegrationTests.Postgres;

/// <summary>The row loop reads synchronously on a thread of its own; a cancellation must still end an export promptly.</summary>
public sealed class ExportCancellationTests
{
    [Theory]
    [InlineData(OutputFormat.Csv, true)]
    [InlineData(OutputFormat.Jsonl, true)]
    [InlineData(OutputFormat.Parquet, true)]
    [InlineData(OutputFormat.Csv, false)]
    [InlineData(OutputFormat.Jsonl, false)]
    public async Task Export_CancelledWhileTheServerIsSilent_EndsWithCancellationAndTheStatementIsGone(OutputFormat format, bool rowsArriveFirst)
    {
        // The fifth row takes ten minutes. Rows of 10 kB fill the server's send buffer, so the first four reach the
        // row loop before the server falls silent; rows of a few bytes stay in that buffer, and the COPY has not
        // even answered when we cancel.
        var view = TestServices.UniqueName("cancel");
        var width = rowsArriveFirst ? 10_000 : 1;
        await Db.ExecuteAsync($"""
            CREATE VIEW {view} AS
            SELECT g AS id, repeat('x', {width}) AS filler, (SELECT pg_sleep(CASE WHEN g = 5 THEN 600 ELSE 0 END))::text AS slept
            FROM generate_series(1, 10) g;
            """);
        await using var connector = new PostgresConnector(ReaderHarness.Settings());
        var reader = new PostgresUnitReader(connector, 1, new SilentProgress(), TimeProvider.System);
        var unit = new WorkUnit("k", new Period(OutputDuration.Daily, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc)), new RelationName("public", view));
        using var output = new MemoryStream();
        using var cancellation = new CancellationTokenSource();
        var firstRow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var export = FileFormats.For(format, FormatOptions.Default).WriteAsync(reader, unit, output, _ => firstRow.TrySetResult(), cancellation.Token);
        if (rowsArriveFirst)
            await firstRow.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await WaitUntilAsync(async () =>
        {
            Assert.False(export.IsCompleted, $"the export ended before the server reached the slow row: {export.Exception?.GetBaseException().Message}");
            return await Db.ScalarAsync($"SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep' AND query LIKE 'COPY%{view}%'") > 0;
        }, "the server never reached the slow row");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => export.WaitAsync(TimeSpan.FromSeconds(120)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"the export took {clock.Elapsed} to end after the cancellation");
        // Whether the row loop was running or the COPY had not answered yet, the statement must end on the server too
        // (a cancel request from a session of its own), not linger until its next write.
        await WaitUntilAsync(async () => await Db.ScalarAsync(
            $"SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE 'COPY%{view}%'") == 0, "the COPY still runs on the server");
    }

    /// <summary>Asks <paramref name="condition"/> until it holds; fails with <paramref name="failure"/> after a minute.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Yield();
        }
    }
}
