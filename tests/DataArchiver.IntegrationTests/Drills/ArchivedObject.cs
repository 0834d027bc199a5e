using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.S3;
using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Drills;

/// <summary>Checks a stored object independently of the tool: its bytes, its ETag and metadata, and every row against the database.</summary>
internal static class ArchivedObject
{
    /// <summary>
    /// Downloads <paramref name="key"/> from <paramref name="server"/> (s3rver by default), checks size, ETag (the
    /// whole-object MD5, or with <paramref name="partSize"/> the AWS multipart form) and the tool's metadata,
    /// decompresses it with the zstd CLI and compares every line with <c>row_to_json</c> of <paramref name="partition"/>'s rows.
    /// </summary>
    public static async Task AssertExactAsync(AmazonS3Client s3, string key, string partition, S3Server? server = null, int? partSize = null)
    {
        var bucket = (server ?? S3Server.S3rver).Bucket;
        var bytes = await S3TestClient.DownloadAsync(s3, key, bucket);
        var head = await s3.GetObjectMetadataAsync(bucket, key);
        var md5 = Convert.ToHexStringLower(MD5.HashData(bytes));
        Assert.Equal(head.ContentLength, bytes.Length);
        Assert.Equal(partSize is { } size ? AwsETagProxy.MultipartETag(bytes, size) : md5, head.ETag.Trim('"'));
        Assert.Equal(md5, head.Metadata["x-amz-meta-md5"]);

        var lines = Encoding.UTF8.GetString(await Tools.PipeAsync("zstd", bytes, "-d", "-c")).Split('\n');
        Assert.Equal("", lines[^1]);
        var got = lines[..^1].Order(StringComparer.Ordinal).ToList();
        var want = (await Db.ColumnAsync($"SELECT row_to_json(p)::text FROM {partition} p")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(want.Count.ToString(CultureInfo.InvariantCulture), head.Metadata["x-amz-meta-rows"]);
        Assert.Equal(want.Count, got.Count);
        // The drill tables' columns print the same either way, so equal text is the quick path; JSON equality decides otherwise.
        if (!got.SequenceEqual(want, StringComparer.Ordinal))
            AssertSameJsonRows(key, want, got);
    }

    private static void AssertSameJsonRows(string key, List<string> want, List<string> got)
    {
        static List<JsonNode> ById(List<string> rows) => rows.Select(r => JsonNode.Parse(r)!).OrderBy(n => (long)n["id"]!).ToList();
        var wantNodes = ById(want);
        var gotNodes = ById(got);
        for (var i = 0; i < wantNodes.Count; i++)
        {
            if (!JsonNode.DeepEquals(wantNodes[i], gotNodes[i]))
                Assert.Fail($"{key} row {i}: {wantNodes[i].ToJsonString()} in the database, {gotNodes[i].ToJsonString()} stored");
        }
    }

    /// <summary>The keys stored under <paramref name="prefix"/>, in order.</summary>
    public static async Task<List<string>> KeysAsync(AmazonS3Client s3, string prefix, S3Server? server = null) =>
        (await S3TestClient.ListAsync(s3, prefix + "/", server?.Bucket)).Select(o => o.Key).Order(StringComparer.Ordinal).ToList();
}
