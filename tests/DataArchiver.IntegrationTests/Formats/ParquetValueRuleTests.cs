using DataArchiver.Core.Configuration;
using DataArchiver.Core.Formats;
using DataArchiver.Core.Formats.Parquet;
using DataArchiver.Core.PostgresTypes;
using DataArchiver.IntegrationTests.Support;
using ParquetSharp;

namespace DataArchiver.IntegrationTests.Formats;

/// <summary>Values Parquet's types cannot hold, and the codecs Parquet compresses with.</summary>
public sealed class ParquetValueRuleTests
{
    [Fact]
    public async Task Export_NaNInDecimalColumn_FailsNamingRowColumnAndValue()
    {
        var table = TestServices.UniqueName("pqnan");
        await Db.ExecuteAsync($"CREATE TABLE {table} (id int, price numeric(12,2)); INSERT INTO {table} VALUES (1, 1.50), (2, 'NaN'), (3, 2);");

        var error = await ExportFailsAsync(table);

        Assert.Contains("row 2", error.Message);
        Assert.Contains("\"price\" (numeric(12,2))", error.Message);
        Assert.Contains("NaN", error.Message);
        Assert.Contains("DECIMAL(12,2)", error.Message);
    }

    [Fact]
    public async Task Export_NaNInDecimalArrayElement_Fails()
    {
        var table = TestServices.UniqueName("pqnanarr");
        await Db.ExecuteAsync($"CREATE TABLE {table} (id int, prices numeric(6,1)[]); INSERT INTO {table} VALUES (1, '{{1.5,NaN}}');");

        var error = await ExportFailsAsync(table);

        Assert.Contains("\"prices\"", error.Message);
        Assert.Contains("NaN", error.Message);
    }

    [Fact]
    public async Task Export_NaNInUnconstrainedNumeric_IsWrittenAsItsText()
    {
        var table = TestServices.UniqueName("pqnanfree");
        await Db.ExecuteAsync($"CREATE TABLE {table} (id int, n numeric); INSERT INTO {table} VALUES (1, 'NaN'), (2, '-Infinity');");
        var path = ParquetExport.TempPath();
        try
        {
            await ParquetExport.ToFileAsync(table, path, FormatOptions.Default);

            var values = DuckDb.Query($"SELECT n FROM read_parquet({DuckDb.Literal(path)}) ORDER BY id").Select(r => r[0]).ToList();
            Assert.Equal(["NaN", "-Infinity"], values);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Export_TimestampBeyondTheMicrosecondRange_Fails()
    {
        var table = TestServices.UniqueName("pqfar");
        await Db.ExecuteAsync($"CREATE TABLE {table} (id int, at timestamp); INSERT INTO {table} VALUES (1, '2024-01-01'), (2, '294270-01-01');");

        var error = await ExportFailsAsync(table);

        Assert.Contains("row 2", error.Message);
        Assert.Contains("\"at\"", error.Message);
        Assert.Contains("beyond the largest Parquet TIMESTAMP", error.Message);
    }

    [Theory]
    [InlineData("'{{1,2},{3,4}}'", "2-dimensional array")]
    [InlineData("'[0:1]={1,2}'", "starting at index 0")]
    public async Task Export_ArrayWithoutAListForm_Fails(string value, string reason)
    {
        var table = TestServices.UniqueName("pqarr");
        await Db.ExecuteAsync($"CREATE TABLE {table} (id int, xs int[]); INSERT INTO {table} VALUES (1, '{{1}}'), (2, {value});");

        var error = await ExportFailsAsync(table);

        Assert.Contains("row 2, column \"xs\" (integer[])", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public async Task Export_InfiniteDatesAndTimestamps_StoredAsTheDocumentedExtremes()
    {
        var table = TestServices.UniqueName("pqinf");
        await Db.ExecuteAsync($"""
            CREATE TABLE {table} (d date NOT NULL, ts timestamp NOT NULL, tz timestamptz NOT NULL);
            INSERT INTO {table} VALUES ('infinity', 'infinity', 'infinity'), ('-infinity', '-infinity', '-infinity'), ('1970-01-02', '1970-01-01 00:00:01', '1970-01-01 00:00:00.000001+00');
            """);
        var path = ParquetExport.TempPath();
        try
        {
            await ParquetExport.ToFileAsync(table, path, FormatOptions.Default);

            using var reader = new ParquetFileReader(path);
            using var group = reader.RowGroup(0);
            Assert.Equal([int.MaxValue, -int.MaxValue, 1], ReadAll<int>(group, 0));
            Assert.Equal([long.MaxValue, -long.MaxValue, 1_000_000], ReadAll<long>(group, 1));
            Assert.Equal([long.MaxValue, -long.MaxValue, 1], ReadAll<long>(group, 2));
            var duck = DuckDb.Query($"SELECT d::VARCHAR, ts::VARCHAR, tz::VARCHAR FROM read_parquet({DuckDb.Literal(path)}) LIMIT 2");
            Assert.Equal(["infinity", "infinity", "infinity"], duck[0]);
            Assert.Equal(["-infinity", "-infinity", "-infinity"], duck[1]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(CompressionCodec.Zstd, 19, "ZSTD")]
    [InlineData(CompressionCodec.Gzip, 9, "GZIP")]
    [InlineData(CompressionCodec.Snappy, 0, "SNAPPY")]
    [InlineData(CompressionCodec.Lz4, 1, "LZ4_RAW")]
    [InlineData(CompressionCodec.None, 0, "UNCOMPRESSED")]
    public async Task Export_EachCodec_DuckDbReportsItAndReadsEveryRow(CompressionCodec codec, int level, string expected)
    {
        var table = TestServices.UniqueName("pqcodec");
        await Db.ExecuteAsync($"CREATE TABLE {table} AS SELECT g AS id, repeat('value ', g % 20) AS t FROM generate_series(1, 5000) g");
        var path = ParquetExport.TempPath();
        try
        {
            await ParquetExport.ToFileAsync(table, path, new FormatOptions { Codec = codec, CompressionLevel = level, ChunkSize = 1000 });

            var codecs = DuckDb.Query($"SELECT DISTINCT compression FROM parquet_metadata({DuckDb.Literal(path)})").Select(r => r[0]).ToList();
            var summary = DuckDb.Query($"SELECT count(*), sum(id)::BIGINT, sum(length(t))::BIGINT FROM read_parquet({DuckDb.Literal(path)})")[0];
            var expectedLength = await Db.ScalarAsync($"SELECT sum(length(t)) FROM {table}");
            Assert.Equal([expected], codecs);
            Assert.Equal(5000L, Convert.ToInt64(summary[0], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(5000L * 5001 / 2, Convert.ToInt64(summary[1], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(expectedLength, Convert.ToInt64(summary[2], System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<ValueNotRepresentableException> ExportFailsAsync(string table)
    {
        var path = ParquetExport.TempPath();
        try
        {
            return await Assert.ThrowsAsync<ValueNotRepresentableException>(() => ParquetExport.ToFileAsync(table, path, FormatOptions.Default));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static T[] ReadAll<T>(RowGroupReader group, int column)
        where T : unmanaged
    {
        using var reader = (ColumnReader<T>)group.Column(column);
        var values = new T[group.MetaData.NumRows];
        var read = reader.ReadBatch(values.Length, values, out _);
        return values[..(int)read];
    }
}
