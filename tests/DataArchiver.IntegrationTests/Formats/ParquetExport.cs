using DataArchiver.Core.Configuration;
using DataArchiver.Core.Formats;
using DataArchiver.Core.Formats.Parquet;
using DataArchiver.Core.Planning;
using DataArchiver.IntegrationTests.Postgres;
using DataArchiver.Postgres;
using DataArchiver.Postgres.Extraction;

namespace DataArchiver.IntegrationTests.Formats;

/// <summary>Exports a table through the real PostgreSQL reader into a Parquet file written through a stream that cannot seek.</summary>
internal static class ParquetExport
{
    public static async Task<long> ToFileAsync(string table, string path, FormatOptions options)
    {
        await using var connector = new PostgresConnector(ReaderHarness.Settings());
        var reader = new PostgresUnitReader(connector, options.ChunkSize, new SilentProgress(), TimeProvider.System);
        var unit = new WorkUnit("k", new Period(OutputDuration.Daily, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc)), new RelationName("public", table));
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
        using var output = new ForwardOnlyStream(file);
        var result = await new ParquetFormat(options).WriteAsync(reader, unit, output, _ => { }, CancellationToken.None);
        return result.Rows;
    }

    /// <summary>A fresh temp path for a Parquet file, removed by the caller.</summary>
    public static string TempPath() => Path.Combine(Path.GetTempPath(), $"da-test-{Guid.NewGuid():N}.parquet");
}
