using DataArchiver.Core.Configuration;
using DataArchiver.Core.Extraction;
using DataArchiver.Core.Formats;
using DataArchiver.Core.Planning;
using DataArchiver.Core.Progress;
using DataArchiver.IntegrationTests.Support;
using DataArchiver.Postgres;
using DataArchiver.Postgres.Extraction;

namespace DataArchiver.IntegrationTests.Postgres;

/// <summary>Runs the real PostgreSQL reader for one relation into an in-memory format writer.</summary>
internal static class ReaderHarness
{
    public static DatabaseSettings Settings(string? password = null, int? port = null, TimeSpan? statementTimeout = null) => new()
    {
        Host = TestServices.PgHost,
        Port = port ?? TestServices.PgPort,
        User = TestServices.PgUser,
        Password = password ?? TestServices.PgPassword,
        Name = TestServices.PgDatabase,
        SslMode = "disable",
        StatementTimeout = statementTimeout ?? TimeSpan.Zero,
    };

    public static async Task<(byte[] Bytes, long Rows)> ExportAsync(RelationName relation, OutputFormat format, int chunkSize = 1000,
        DatabaseSettings? settings = null, RowWindow? window = null)
    {
        await using var connector = new PostgresConnector(settings ?? Settings());
        var reader = new PostgresUnitReader(connector, chunkSize, new SilentProgress(), TimeProvider.System);
        var unit = new WorkUnit("k", new Period(OutputDuration.Daily, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc)), relation, window);
        using var output = new MemoryStream();
        var result = await FileFormats.For(format, FormatOptions.Default).WriteAsync(reader, unit, output, _ => { }, CancellationToken.None);
        return (output.ToArray(), result.Rows);
    }
}

/// <summary>A progress sink that ignores everything.</summary>
internal sealed class SilentProgress : IArchiveProgress
{
    public void PlanReady(ArchivePlan plan) { }
    public void UnitStarted(WorkUnit unit) { }
    public void StageChanged(WorkUnit unit, UnitStage stage) { }
    public void RowsExpected(WorkUnit unit, long rows, bool estimated) { }
    public void RowsDone(WorkUnit unit, long rows, long bytesOut) { }
    public void Retrying(WorkUnit unit, int attempt, TimeSpan delay, Exception cause) { }
    public void UnitFinished(UnitResult result) { }
    public void Debug(string message) { }
    public void Warning(string message) { }
}
