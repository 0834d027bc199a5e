using DataArchiver.Core.Configuration;
using DataArchiver.Core.Planning;
using DataArchiver.IntegrationTests.Support;
using DataArchiver.Postgres;
using DataArchiver.Postgres.Extraction;
using Npgsql;

namespace DataArchiver.IntegrationTests.Postgres;

public sealed class WindowQueryTests
{
    [Theory]
    [InlineData("timestamptz", DateColumnType.TimestampTz)]
    [InlineData("timestamp", DateColumnType.Timestamp)]
    [InlineData("date", DateColumnType.Date)]
    public async Task WhereClause_IndexedDateColumn_PlannerUsesTheIndex(string sqlType, DateColumnType type)
    {
        var table = TestServices.UniqueName("win");
        await Db.ExecuteAsync($"""
            CREATE TABLE {table} (id int, at {sqlType});
            INSERT INTO {table} SELECT g, '2024-01-01'::timestamp + g * interval '1 minute' FROM generate_series(1, 20000) g;
            CREATE INDEX ON {table} (at);
            ANALYZE {table};
            """);
        var unit = new WorkUnit("k", new Period(OutputDuration.Daily, new DateTime(2024, 1, 3, 0, 0, 0, DateTimeKind.Utc)),
            new RelationName("public", table),
            new RowWindow("at", new DateTime(2024, 1, 3, 0, 0, 0, DateTimeKind.Utc), new DateTime(2024, 1, 4, 0, 0, 0, DateTimeKind.Utc), type));

        await using var connection = await Db.OpenAsync();
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection))
            await off.ExecuteNonQueryAsync();
        var plan = new List<string>();
        await using (var explain = new NpgsqlCommand($"EXPLAIN SELECT * FROM {unit.Source.Quoted}{CopyStatements.WhereClause(unit)}", connection))
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                plan.Add(reader.GetString(0));
        }
        var rows = await Db.ScalarAsync($"SELECT count(*) FROM {unit.Source.Quoted}{CopyStatements.WhereClause(unit)}");

        Assert.Contains(plan, line => line.Contains("Index", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.Contains("Seq Scan", StringComparison.Ordinal));
        Assert.Equal(1440, rows);
    }
}
