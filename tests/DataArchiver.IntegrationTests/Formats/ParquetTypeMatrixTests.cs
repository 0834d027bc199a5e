using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DataArchiver.IntegrationTests.Support;
using ParquetSharp;

namespace DataArchiver.IntegrationTests.Formats;

/// <summary>The type matrix written to Parquet and read back by DuckDB (values, types) and ParquetSharp (repetition, metadata).</summary>
public sealed partial class ParquetTypeMatrixTests(TypeMatrixFixture fixture) : IClassFixture<TypeMatrixFixture>
{
    [Fact]
    public async Task Export_EveryTypeAndEdgeValue_DuckDbReadsBackExactlyWhatPostgresHolds()
    {
        var columns = fixture.Columns;
        var expected = await PostgresRowsAsync(columns);
        var actual = DuckDb.Query($"SELECT {string.Join(", ", columns.Select(c => c.DuckExpr))} FROM read_parquet({DuckDb.Literal(fixture.Path)}) AS p ORDER BY p.id",
            (reader, i) => columns[i].Comparison == Comparison.FloatListBits ? reader.GetFieldValue<List<double?>>(i) : null);

        Assert.Equal(TypeMatrix.EdgeRows(fixture.Mood).Count + TypeMatrix.BulkRows, fixture.Rows);
        Assert.Equal(expected.Count, actual.Count);
        var mismatches = new List<string>();
        for (var row = 0; row < expected.Count; row++)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                var want = Canonical(columns[i].Comparison, expected[row][i], fromDuckDb: false);
                var got = Canonical(columns[i].Comparison, actual[row][i], fromDuckDb: true);
                if (want != got)
                    mismatches.Add($"id {expected[row][0]}, {columns[i].Name}: postgres {Shorten(want)} parquet {Shorten(got)}");
            }
        }
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} mismatches:\n" + string.Join("\n", mismatches.Take(40)));
    }

    [Fact]
    public void Export_EveryType_DuckDbSeesTheMappedLogicalType()
    {
        var described = DuckDb.Query($"DESCRIBE SELECT * FROM read_parquet({DuckDb.Literal(fixture.Path)})")
            .Select(row => ((string)row[0]!, (string)row[1]!)).ToList();

        Assert.Equal(fixture.Columns.Select(c => (c.Name, c.DuckType)), described);
    }

    [Fact]
    public void Export_TextAndBinaryColumns_CarryStringJsonOrNoLogicalType()
    {
        var logical = DuckDb.Query($"SELECT name, logical_type FROM parquet_schema({DuckDb.Literal(fixture.Path)})")
            .GroupBy(row => (string)row[0]!).ToDictionary(g => g.Key, g => g.First()[1] as string ?? "");

        Assert.StartsWith("StringType", logical["n_free"]);
        Assert.StartsWith("StringType", logical["tz"]);
        Assert.StartsWith("JsonType", logical["jb"]);
        Assert.StartsWith("UUIDType", logical["u"]);
        Assert.Equal("", logical["bin"]);
        Assert.StartsWith("DecimalType(scale=10, precision=38)", logical["n_wide"]);
        Assert.StartsWith("TimestampType(isAdjustedToUTC=0", logical["ts"]);
        Assert.StartsWith("TimestampType(isAdjustedToUTC=1", logical["tstz"]);
        Assert.StartsWith("TimeType(isAdjustedToUTC=0", logical["tm"]);
    }

    [Fact]
    public async Task Export_NotNullColumns_AreRequiredAndTheColumnsAreInTheMetadata()
    {
        using var reader = new ParquetFileReader(fixture.Path);
        var metadata = reader.FileMetaData;
        var root = metadata.Schema.GroupNode;
        var repetitions = Enumerable.Range(0, root.FieldCount).Select(i => (root.Field(i).Name, root.Field(i).Repetition)).ToList();
        // User types are schema-qualified: the archiver's search path holds only pg_catalog.
        var declared = await Db.CatalogColumnAsync(
            $"SELECT json_agg(json_build_object('name', attname, 'type', format_type(atttypid, atttypmod), 'oid', atttypid::bigint, 'not_null', attnotnull) ORDER BY attnum)::text " +
            $"FROM pg_attribute WHERE attrelid = 'public.{fixture.Table}'::regclass AND attnum > 0 AND NOT attisdropped");

        Assert.Equal(fixture.Columns.Select(c => (c.Name, c.NotNull ? Repetition.Required : Repetition.Optional)), repetitions);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(declared[0]), JsonNode.Parse(metadata.KeyValueMetadata["postgres.columns"])),
            $"{declared[0]}\n{metadata.KeyValueMetadata["postgres.columns"]}");
        Assert.Contains("±infinity", metadata.KeyValueMetadata["postgres.infinity"]);
    }

    [Fact]
    public void Export_ChunkSizeRows_OneRowGroupPerChunk()
    {
        using var reader = new ParquetFileReader(fixture.Path);
        var metadata = reader.FileMetaData;
        var sizes = Enumerable.Range(0, metadata.NumRowGroups).Select(i =>
        {
            using var group = reader.RowGroup(i);
            return group.MetaData.NumRows;
        }).ToList();

        Assert.Equal(fixture.Rows, metadata.NumRows);
        Assert.Equal((int)((fixture.Rows + TypeMatrixFixture.ChunkSize - 1) / TypeMatrixFixture.ChunkSize), sizes.Count);
        Assert.All(sizes[..^1], size => Assert.Equal(TypeMatrixFixture.ChunkSize, size));
    }

    private async Task<List<object?[]>> PostgresRowsAsync(IReadOnlyList<MatrixColumn> columns)
    {
        await using var connection = await Db.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            $"SELECT {string.Join(", ", columns.Select(c => c.PgExpr))} FROM {fixture.Table} AS p ORDER BY p.id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null
                    : columns[i].Comparison == Comparison.FloatListBits ? reader.GetFieldValue<double?[]>(i)
                    : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>A value as comparable text: exact bits for floats, re-serialized JSON for element lists.</summary>
    private static string? Canonical(Comparison comparison, object? value, bool fromDuckDb)
    {
        if (value is null)
            return null;
        return comparison switch
        {
            Comparison.Bits => value switch
            {
                double d => "double " + BitConverter.DoubleToInt64Bits(d).ToString("X16", CultureInfo.InvariantCulture),
                float f => "float " + BitConverter.SingleToInt32Bits(f).ToString("X8", CultureInfo.InvariantCulture),
                _ => $"{value.GetType().Name} {value}",
            },
            Comparison.FloatListBits => string.Join(",", ((System.Collections.IEnumerable)value).Cast<double?>()
                .Select(d => d is { } x ? BitConverter.DoubleToInt64Bits(x).ToString("X16", CultureInfo.InvariantCulture) : "null")),
            Comparison.JsonList => JsonNode.Parse((string)value)!.ToJsonString(new JsonSerializerOptions
            {
                Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            }),
            _ => fromDuckDb ? ToPostgresEra(Convert.ToString(value, CultureInfo.InvariantCulture)!) : Convert.ToString(value, CultureInfo.InvariantCulture),
        };
    }

    /// <summary>DuckDB writes a BC date as <c>0044-03-15 (BC) 12:00:00</c>; PostgreSQL puts the era last.</summary>
    private static string ToPostgresEra(string text) => BcEra().Replace(text, "$1$2 BC");

    private static string? Shorten(string? text) => text is null ? "NULL" : text.Length > 120 ? text[..120] + $"… ({text.Length} chars)" : text;

    [GeneratedRegex(@"^(\S+) \(BC\)(.*)$")]
    private static partial Regex BcEra();
}
