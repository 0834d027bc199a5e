using System.Text;
using DataArchiver.Core.Formats;
using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Formats;

/// <summary>Creates the type matrix table once and exports it to Parquet in chunks of 100 rows.</summary>
public sealed class TypeMatrixFixture : IAsyncLifetime
{
    public const int ChunkSize = 100;

    public string Table { get; } = TestServices.UniqueName("pqmatrix");
    public string Mood => Table + "_mood";
    public string Path { get; } = ParquetExport.TempPath();
    public long Rows { get; private set; }
    internal IReadOnlyList<MatrixColumn> Columns => TypeMatrix.Columns(Mood);

    public async Task InitializeAsync()
    {
        await Db.ExecuteAsync(CreateSql());
        Rows = await ParquetExport.ToFileAsync(Table, Path, new FormatOptions { ChunkSize = ChunkSize });
    }

    public Task DisposeAsync()
    {
        File.Delete(Path);
        return Task.CompletedTask;
    }

    private string CreateSql()
    {
        var sql = new StringBuilder();
        sql.AppendLine($"CREATE TYPE {Mood} AS ENUM ('happy', 'sad', 'it''s \"complicated\"');");
        sql.AppendLine($"CREATE TABLE {Table} (");
        sql.AppendLine(string.Join(",\n", Columns.Select(c => $"  {c.Name} {c.SqlType}{(c.NotNull ? " NOT NULL" : "")}")));
        sql.AppendLine(");");
        var defaults = new Dictionary<string, string>
        {
            ["i4_nn"] = "0", ["t_nn"] = "'edge'", ["ts_nn"] = "'2000-01-01 00:00:00+00'", ["arr_nn"] = "'{1}'",
        };
        foreach (var (id, values) in TypeMatrix.EdgeRows(Mood))
        {
            var set = values.ToDictionary(v => v.Column, v => v.Value);
            foreach (var (column, value) in defaults)
                set.TryAdd(column, value);
            sql.AppendLine($"INSERT INTO {Table} (id, {string.Join(", ", set.Keys)}) VALUES ({id}, {string.Join(", ", set.Values)});");
        }
        // Every nullable column is NULL in every eleventh generated row.
        var bulk = Columns.Select(c => c.NotNull || c.Name == "id" ? c.Bulk : $"CASE WHEN g % 11 = 0 THEN NULL ELSE {c.Bulk} END");
        sql.AppendLine($"INSERT INTO {Table} SELECT {string.Join(", ", bulk)} " +
            $"FROM generate_series({TypeMatrix.FirstBulkId}, {TypeMatrix.FirstBulkId + TypeMatrix.BulkRows - 1}) g;");
        return sql.ToString();
    }
}
