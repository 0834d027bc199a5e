using DataArchiver.Core.PostgresTypes;
using NonClosingStream = DataArchiver.Core.Codecs.NonClosingStream;
using DataArchiver.Core.Configuration;
using DataArchiver.Core.Extraction;
using DataArchiver.Core.Formats;
using DataArchiver.Core.Formats.Parquet;
using ParquetSharp;

namespace DataArchiver.Tests.Formats;

public sealed class ParquetRecordWriterTests
{
    private static readonly ColumnInfo Id = new("id", "bigint", 20, NotNull: true);
    private static readonly ColumnInfo Name = new("name", "text", 25, NotNull: false);

    [Fact]
    public void Write_RowsOverSeveralChunks_OneRowGroupPerChunkAndEveryValueKept()
    {
        var bytes = Write([Id, Name], new FormatOptions { ChunkSize = 100 },
            Enumerable.Range(1, 250).Select(i => new[] { PgSend.Int8(i), i % 10 == 0 ? null : PgSend.Text($"n{i}") }));

        using var file = new ParquetFileReader(new MemoryStream(bytes));
        Assert.Equal([100L, 100L, 50L], GroupSizes(file));
        Assert.Equal(Enumerable.Range(1, 250).Select(i => (long)i), ReadColumn<long>(file, 0));
        Assert.Equal(Enumerable.Range(1, 250).Select(i => i % 10 == 0 ? null : $"n{i}"), ReadColumn<string?>(file, 1));
    }

    [Fact]
    public void Write_WideValues_RowGroupEndsAtTheByteLimitBeforeTheChunkSize()
    {
        var wide = PgSend.Text(new string('x', 1000));

        var bytes = Write([Id, Name], new FormatOptions { ChunkSize = 1000, ChunkByteLimit = 10_000 },
            Enumerable.Range(1, 95).Select(i => new[] { PgSend.Int8(i), wide }));

        using var file = new ParquetFileReader(new MemoryStream(bytes));
        var sizes = GroupSizes(file);
        Assert.Equal(95, sizes.Sum());
        Assert.Equal(10, sizes.Count);
        Assert.All(sizes, size => Assert.InRange(size, 1, 10));
    }

    [Theory]
    [InlineData(8, 1024)]          // a bigint column: Arrow's own batch
    [InlineData(60, 1024)]         // short text: still the full batch
    [InlineData(16_384, 64)]       // 16 KB values: batches of about 1 MiB
    [InlineData(10_000_000, 16)]   // huge values: never below 16
    public void BatchSizeFor_WidestColumnAverage_KeepsBatchesNearOneMiB(long bytesPerValue, int expected)
    {
        var columns = new[] { (Bytes: 8L * 100, Values: 100), (Bytes: bytesPerValue * 100, Values: 100) };

        Assert.Equal(expected, ParquetRecordWriter.BatchSizeFor(columns));
    }

    [Fact]
    public void BatchSizeFor_NothingBuffered_UsesTheFullBatch() =>
        Assert.Equal(1024, ParquetRecordWriter.BatchSizeFor([(0L, 0)]));

    [Fact]
    public void Write_WideValuesWithTheDefaultOptions_RoundTripInRowGroupsOfAtMostTheByteLimit()
    {
        var wide = new string('w', 400_000);

        var bytes = Write([Id, Name], new FormatOptions(),
            Enumerable.Range(1, 100).Select(i => new[] { PgSend.Int8(i), PgSend.Text(wide + i) }));

        using var file = new ParquetFileReader(new MemoryStream(bytes));
        var sizes = GroupSizes(file);
        Assert.True(sizes.Count >= 3, $"expected the 16 MiB limit to split 40 MB of values, got row groups {string.Join(", ", sizes)}");
        Assert.Equal(Enumerable.Range(1, 100).Select(i => wide + i), ReadColumn<string?>(file, 1));
    }

    [Fact]
    public void Write_NullableAndNotNull_OptionalAndRequiredWithPostgresColumnsInMetadata()
    {
        ColumnInfo[] columns = [Id, Name, new("tags", "text[]", 1009, NotNull: true)];

        var bytes = Write(columns, FormatOptions.Default, [[PgSend.Int8(1), null, PgSend.Array(25)]]);

        using var file = new ParquetFileReader(new MemoryStream(bytes));
        var root = file.FileMetaData.Schema.GroupNode;
        Assert.Equal([Repetition.Required, Repetition.Optional, Repetition.Required],
            Enumerable.Range(0, root.FieldCount).Select(i => root.Field(i).Repetition));
        var element = file.FileMetaData.Schema.Column(2);
        Assert.Equal("tags.list.element", element.Path.ToDotString());
        Assert.Equal(2, element.MaxDefinitionLevel);
        Assert.Equal(
            """[{"name":"id","type":"bigint","oid":20,"not_null":true},{"name":"name","type":"text","oid":25,"not_null":false},{"name":"tags","type":"text[]","oid":1009,"not_null":true}]""",
            file.FileMetaData.KeyValueMetadata[ParquetFileMetadata.ColumnsKey]);
        Assert.Equal(ParquetFileMetadata.InfinityRule, file.FileMetaData.KeyValueMetadata[ParquetFileMetadata.InfinityKey]);
    }

    [Fact]
    public void Write_Lists_NullEmptyAndNullElementStayDistinct()
    {
        ColumnInfo[] columns = [new("xs", "integer[]", 1007, NotNull: false)];
        byte[]?[][] rows =
        [
            [null],
            [PgSend.Array(23)],
            [PgSend.Array(23, [null])],
            [PgSend.Array(23, PgSend.Int4(1), PgSend.Int4(2))],
        ];

        var bytes = Write(columns, FormatOptions.Default, rows);

        using var file = new ParquetFileReader(new MemoryStream(bytes));
        var values = ReadColumn<int?[]?>(file, 0);
        Assert.Null(values[0]);
        Assert.Equal([], values[1]!);
        Assert.Equal([null], values[2]!);
        Assert.Equal([1, 2], values[3]!);
    }

    [Theory]
    [InlineData("numeric(9,2)", PhysicalType.Int32)]
    [InlineData("numeric(18,2)", PhysicalType.Int64)]
    [InlineData("numeric(38,2)", PhysicalType.FixedLenByteArray)]
    public void Write_Decimal_PhysicalTypeByPrecisionAndExactValues(string typeName, PhysicalType physical)
    {
        ColumnInfo[] columns = [new("n", typeName, 1700, NotNull: false)];

        var bytes = Write(columns, FormatOptions.Default, [[PgSend.Numeric("1234567.25")], [PgSend.Numeric("-0.01")], [null]]);

        using var file = new ParquetFileReader(new MemoryStream(bytes));
        Assert.Equal(physical, file.FileMetaData.Schema.Column(0).PhysicalType);
        Assert.Equal([1234567.25m, -0.01m, null], ReadColumn<decimal?>(file, 0));
    }

    [Fact]
    public void Write_UuidJsonbBytesAndTime_ReadBackAsTheirLogicalTypes()
    {
        ColumnInfo[] columns =
        [
            new("u", "uuid", 2950, NotNull: true), new("j", "jsonb", 3802, NotNull: true), new("b", "bytea", 17, NotNull: true),
            new("t", "time without time zone", 1083, NotNull: true),
        ];
        var uuid = Guid.Parse("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");

        var bytes = Write(columns, FormatOptions.Default,
            [[Convert.FromHexString("a0eebc999c0b4ef8bb6d6bb9bd380a11"), PgSend.Jsonb("""{"a": [1, null]}"""), [0, 1, 0, 255], PgSend.Int8(86_400_000_000)]]);

        using var file = new ParquetFileReader(new MemoryStream(bytes));
        Assert.Equal([uuid], ReadColumn<Guid>(file, 0));
        Assert.Equal(["""{"a": [1, null]}"""], ReadColumn<string>(file, 1));
        Assert.Equal([0, 1, 0, 255], ReadColumn<byte[]>(file, 2)[0]);
        Assert.Equal(LogicalTypeEnum.Json, file.FileMetaData.Schema.Column(1).LogicalType.Type);
        Assert.Equal(LogicalTypeEnum.None, file.FileMetaData.Schema.Column(2).LogicalType.Type);
        Assert.Equal(LogicalTypeEnum.Time, file.FileMetaData.Schema.Column(3).LogicalType.Type);
    }

    [Fact]
    public void WriteRow_ValueWithoutAParquetForm_ThrowsWithContextAndTheWriterRefusesMore()
    {
        using var output = new MemoryStream();
        using var writer = new ParquetRecordWriter(output, TestColumns.Of([Id, new ColumnInfo("price", "numeric(12,2)", 1700, NotNull: false)]), FormatOptions.Default);
        var (good, goodFields) = BinaryRow.Of(PgSend.Int8(1), PgSend.Numeric("1.5"));
        var (bad, badFields) = BinaryRow.Of(PgSend.Int8(2), PgSend.Numeric("NaN"));
        writer.WriteRow(good, goodFields);

        var error = Assert.Throws<ValueNotRepresentableException>(() => writer.WriteRow(bad, badFields));

        Assert.StartsWith("row 2, column \"price\" (numeric(12,2)): numeric NaN has no DECIMAL(12,2) representation", error.Message);
        Assert.Throws<InvalidOperationException>(() => writer.WriteRow(good, goodFields));
        Assert.Throws<InvalidOperationException>(writer.Complete);
    }

    [Fact]
    public void WriteRow_WrongFieldCount_Throws()
    {
        using var writer = new ParquetRecordWriter(new MemoryStream(), TestColumns.Of([Id, Name]), FormatOptions.Default);
        var (data, fields) = BinaryRow.Of(PgSend.Int8(1));

        Assert.Throws<InvalidOperationException>(() => writer.WriteRow(data, fields));
    }

    [Theory]
    [InlineData(OutputFormat.Parquet, true)]
    [InlineData(OutputFormat.Jsonl, false)]
    [InlineData(OutputFormat.Csv, false)]
    public void FileFormats_For_OnlyParquetCompressesInside(OutputFormat format, bool inside) =>
        Assert.Equal(inside, FileFormats.For(format, FormatOptions.Default).CompressesInside);

    [Fact]
    public void WriteRow_TwoDimensionalArray_HasNoListForm()
    {
        var ints = new ColumnInfo("m", "integer[]", 1007, NotNull: false);

        var error = Assert.Throws<ValueNotRepresentableException>(() => Write([ints], FormatOptions.Default, [[PgSend.Int4Matrix()]]));

        Assert.Contains("2-dimensional array", error.Message);
    }

    [Fact]
    public void WriteRow_ArrayStartingAtZero_HasNoListForm()
    {
        var ints = new ColumnInfo("a", "integer[]", 1007, NotNull: false);

        var error = Assert.Throws<ValueNotRepresentableException>(() =>
            Write([ints], FormatOptions.Default, [[PgSend.ArrayWithBounds(23, 0, PgSend.Int4(1))]]));

        Assert.Contains("starting at index 0", error.Message);
    }

    [Theory]
    [InlineData(CompressionCodec.Zstd, Compression.Zstd)]
    [InlineData(CompressionCodec.Gzip, Compression.Gzip)]
    [InlineData(CompressionCodec.Snappy, Compression.Snappy)]
    [InlineData(CompressionCodec.Lz4, Compression.Lz4)]
    [InlineData(CompressionCodec.None, Compression.Uncompressed)]
    public void Write_Codec_UsedForEveryColumnChunk(CompressionCodec codec, Compression expected)
    {
        var bytes = Write([Id, Name], new FormatOptions { Codec = codec, CompressionLevel = 1 }, [[PgSend.Int8(1), PgSend.Text("a")]]);

        using var file = new ParquetFileReader(new MemoryStream(bytes));
        using var group = file.RowGroup(0);
        Assert.Equal(expected, group.MetaData.GetColumnChunkMetaData(0).Compression);
        Assert.Equal(expected, group.MetaData.GetColumnChunkMetaData(1).Compression);
    }

    [Fact]
    public void Write_TableWithoutColumns_RowsFailAndAnEmptyFileIsFine()
    {
        var error = Assert.Throws<ValueNotRepresentableException>(() => Write([], FormatOptions.Default, [[]]));
        var bytes = Write([], FormatOptions.Default, []);

        Assert.Contains("table without columns", error.Message);
        using var file = new ParquetFileReader(new MemoryStream(bytes));
        Assert.Equal(0, file.FileMetaData.NumRows);
    }

    /// <summary>Writes the rows through a stream that cannot seek or tell its position, as the pipeline's streams are.</summary>
    private static byte[] Write(IReadOnlyList<ColumnInfo> columns, FormatOptions options, IEnumerable<byte[]?[]> rows)
    {
        using var target = new MemoryStream();
        using (var writer = new ParquetRecordWriter(new NonClosingStream(target), TestColumns.Of(columns), options))
        {
            foreach (var row in rows)
            {
                var (data, fields) = BinaryRow.Of(row);
                writer.WriteRow(data, fields);
            }
            writer.Complete();
        }
        return target.ToArray();
    }

    private static List<long> GroupSizes(ParquetFileReader file) => Enumerable.Range(0, file.FileMetaData.NumRowGroups).Select(i =>
    {
        using var group = file.RowGroup(i);
        return group.MetaData.NumRows;
    }).ToList();

    private static List<T> ReadColumn<T>(ParquetFileReader file, int column)
    {
        var values = new List<T>();
        for (var i = 0; i < file.FileMetaData.NumRowGroups; i++)
        {
            using var group = file.RowGroup(i);
            using var reader = group.Column(column).LogicalReader<T>();
            values.AddRange(reader.ReadAll((int)group.MetaData.NumRows));
        }
        return values;
    }
}
