using System.Globalization;
using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Windows;

/// <summary>
/// The rows of the window tests: one every 317 minutes from 2023-12-01 to 2024-03-30, plus rows exactly on and just
/// before the boundaries that matter (range start and end, midnight, ISO week, month and year starts, an hour).
/// Partitions (when any) cover 2023-12-01 up to 2024-04-01, so there are rows outside every tested range.
/// </summary>
public static class WindowData
{
    /// <summary>The range of the daily, weekly, monthly and yearly cases: a Wednesday to a Tuesday, across a year end.</summary>
    public static (string Start, string End) MainRange => ("2023-12-27", "2024-02-27");

    /// <summary>The range of the hourly cases: a leap day and the next day, across a month end.</summary>
    public static (string Start, string End) HourlyRange => ("2024-02-29", "2024-03-01");

    public static (string Start, string End) RangeFor(string duration) => duration == "hourly" ? HourlyRange : MainRange;

    private static readonly string[] BoundaryInstants =
    [
        "2023-12-26 23:59:59.999999", "2023-12-27 00:00:00",
        "2023-12-31 23:59:59.999999", "2024-01-01 00:00:00",
        "2024-01-28 23:59:59.999999", "2024-01-29 00:00:00",
        "2024-01-31 23:59:59.999999", "2024-02-01 00:00:00",
        "2024-02-27 23:59:59.999999", "2024-02-28 00:00:00",
        "2024-02-28 23:59:59.999999", "2024-02-29 00:00:00",
        "2024-02-29 12:59:59.999999", "2024-02-29 13:00:00",
        "2024-03-01 00:00:00", "2024-03-01 23:59:59.999999", "2024-03-02 00:00:00",
    ];

    /// <summary>SQL creating <paramref name="table"/> of <paramref name="kind"/> with column <c>at</c> of <paramref name="sqlType"/> and filling it.</summary>
    public static string CreateSql(string table, TableKind kind, string sqlType)
    {
        var columns = $"(id bigint NOT NULL, at {sqlType} NOT NULL, note text)";
        var create = kind switch
        {
            TableKind.Plain => $"CREATE TABLE {table} {columns};",
            TableKind.MonthlyPartitions => $"""
                CREATE TABLE {table} {columns} PARTITION BY RANGE (at);
                CREATE TABLE {table}_2023_12 PARTITION OF {table} FOR VALUES FROM ('2023-12-01') TO ('2024-01-01');
                CREATE TABLE {table}_2024_01 PARTITION OF {table} FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');
                CREATE TABLE {table}_2024_02 PARTITION OF {table} FOR VALUES FROM ('2024-02-01') TO ('2024-03-01');
                CREATE TABLE {table}_2024_03 PARTITION OF {table} FOR VALUES FROM ('2024-03-01') TO ('2024-04-01');
                """,
            _ => $"""
                CREATE TABLE {table} {columns} PARTITION BY RANGE (at);
                DO $do$
                DECLARE d date;
                BEGIN
                    FOR d IN SELECT generate_series('2023-12-01'::date, '2024-03-31'::date, interval '1 day')::date LOOP
                        EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
                            '{table}_' || to_char(d, 'YYYYMMDD'), '{table}', d, d + 1);
                    END LOOP;
                END
                $do$;
                """,
        };
        var boundaries = string.Join(", ", BoundaryInstants.Select((instant, i) =>
            string.Create(CultureInfo.InvariantCulture, $"({1001 + i}, '{instant}'::timestamp)")));
        return $"""
            {create}
            INSERT INTO {table} SELECT g, ('2023-12-01'::timestamp + (g - 1) * interval '317 minutes')::{sqlType}, 'row ' || g
                FROM generate_series(1, 549) g;
            INSERT INTO {table} SELECT id, at::{sqlType}, 'boundary' FROM (VALUES {boundaries}) AS b(id, at);
            """;
    }

    /// <summary>The ids and UTC instants of the rows with <c>at</c> in [start, end + 1 day), straight from the database.</summary>
    public static async Task<Dictionary<long, DateTime>> RowsInRangeAsync(string table, string start, string end)
    {
        var rows = new Dictionary<long, DateTime>();
        await using var connection = await Db.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            $"SELECT id, at::timestamp FROM {table} WHERE at >= '{start}' AND at < '{end}'::date + 1", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(reader.GetInt64(0), DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc));
        return rows;
    }
}
