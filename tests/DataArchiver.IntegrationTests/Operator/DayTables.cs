using Npgsql;
using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Operator;

/// <summary>
/// Day tables for the operator tests: a parent with one inheritance child per day, named <c>{table}_YYYYMMDD</c>, each
/// analysed so the planner's row estimate is exact. Inheritance rather than declarative partitions because planning
/// reads a declarative partition's bound with <c>pg_get_expr</c>, which locks the partition: with a test holding that
/// lock, planning itself would wait, not the COPY the test wants to catch waiting.
/// </summary>
internal static class DayTables
{
    public static readonly DateOnly FirstDay = new(2024, 1, 1);

    /// <summary>Creates <paramref name="table"/> with <paramref name="days"/> children of <paramref name="rowsEach"/> rows; returns the child names.</summary>
    public static async Task<string[]> CreateAsync(string table, int days, int rowsEach, string nameSql = "'row ' || g")
    {
        var children = Enumerable.Range(0, days).Select(i => $"{table}_{FirstDay.AddDays(i):yyyyMMdd}").ToArray();
        var sql = new System.Text.StringBuilder($"CREATE TABLE {table} (id bigint NOT NULL, at timestamptz NOT NULL, name text);\n");
        for (var i = 0; i < days; i++)
        {
            var day = FirstDay.AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            sql.Append($"CREATE TABLE {children[i]} () INHERITS ({table});\n");
            sql.Append($"INSERT INTO {children[i]} SELECT g, '{day}'::timestamptz + g * interval '1 second', {nameSql} FROM generate_series(1, {rowsEach}) g;\n");
            sql.Append($"ANALYZE {children[i]};\n");
        }
        await Db.ExecuteAsync(sql.ToString());
        return children;
    }

    /// <summary>The last day of a table made by <see cref="CreateAsync"/> with <paramref name="days"/> days, as a CLI date.</summary>
    public static string LastDay(int days) => FirstDay.AddDays(days - 1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Holds ACCESS EXCLUSIVE locks on <paramref name="tables"/> in an open transaction: every statement reading them
    /// waits until the returned lock is released (committed) or disposed.
    /// </summary>
    public static async Task<TableLock> LockAsync(params string[] tables)
    {
        var connection = await Db.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand($"LOCK TABLE {string.Join(", ", tables)} IN ACCESS EXCLUSIVE MODE", connection, transaction))
            await command.ExecuteNonQueryAsync();
        return new TableLock(connection, transaction);
    }

    /// <summary>An open transaction holding table locks.</summary>
    internal sealed class TableLock(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        private bool _released;

        /// <summary>Lets the waiting statements go on.</summary>
        public async Task ReleaseAsync()
        {
            if (_released)
                return;
            _released = true;
            await transaction.CommitAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await ReleaseAsync();
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
