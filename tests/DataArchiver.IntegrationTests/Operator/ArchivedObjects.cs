using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.S3;
using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Operator;

/// <summary>Checks objects in the test bucket against the rows of the tables they were made from.</summary>
internal static class ArchivedObjects
{
    /// <summary>The key of a day object written with the path template <c>{prefix}/{table}/{YYYY}/{MM}</c> (as <see cref="ArchiveArgs.ToS3"/> gives).</summary>
    public static string Key(string prefix, string table, int day, string extension) =>
        $"{prefix}/{table}/{DayTables.FirstDay.AddDays(day):yyyy/MM}/{table}-{DayTables.FirstDay.AddDays(day):yyyy-MM-dd}{extension}";

    /// <summary>Asserts that a zstd JSON-lines object holds exactly the rows of <paramref name="source"/>, and that its ETag is its MD5.</summary>
    public static async Task AssertJsonLinesAsync(AmazonS3Client s3, string key, string source)
    {
        var bytes = await S3TestClient.DownloadAsync(s3, key);
        var head = await s3.GetObjectMetadataAsync(TestServices.S3Bucket, key);
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(bytes)), head.ETag.Trim('"'));
        var lines = Encoding.UTF8.GetString(await Tools.PipeAsync("zstd", bytes, "-d", "-c")).Split('\n')[..^1];
        var want = await Db.ColumnAsync($"SELECT row_to_json(p)::text FROM {source} p ORDER BY id");
        var got = lines.OrderBy(l => (long)JsonNode.Parse(l)!["id"]!).ToList();
        Assert.Equal(want.Count, got.Count);
        for (var i = 0; i < want.Count; i++)
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(want[i]), JsonNode.Parse(got[i])), $"{key} row {i}: {want[i]} vs {got[i]}");
    }

    /// <summary>Asserts that an uncompressed CSV object is byte for byte what psql's COPY … (FORMAT csv, HEADER) gives.</summary>
    public static async Task AssertCsvAsync(AmazonS3Client s3, string key, string source, string? bucket = null)
    {
        var bytes = await S3TestClient.DownloadAsync(s3, key, bucket);
        var want = await Tools.PsqlAsync($"COPY (SELECT * FROM {source}) TO STDOUT (FORMAT csv, HEADER)");
        Assert.True(want.AsSpan().SequenceEqual(bytes), $"{key}: {bytes.Length} bytes differ from the {want.Length} bytes of psql's COPY");
    }
}
