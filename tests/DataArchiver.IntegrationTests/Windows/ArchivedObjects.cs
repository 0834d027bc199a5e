using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Windows;

/// <summary>Reads back what a run stored under a prefix: each key with the id and <c>at</c> (UTC) of every JSONL line.</summary>
public static class ArchivedObjects
{
    public sealed record Row(long Id, DateTime At);

    public static async Task<Dictionary<string, List<Row>>> ReadAsync(string prefix)
    {
        using var s3 = S3TestClient.Create();
        var objects = new Dictionary<string, List<Row>>(StringComparer.Ordinal);
        foreach (var listed in await S3TestClient.ListAsync(s3, prefix + "/"))
        {
            var text = Encoding.UTF8.GetString(await S3TestClient.DownloadAsync(s3, listed.Key));
            objects[listed.Key] = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(ParseLine).ToList();
        }
        return objects;
    }

    /// <summary>The keys stored under a prefix.</summary>
    public static async Task<List<string>> KeysAsync(string prefix)
    {
        using var s3 = S3TestClient.Create();
        return (await S3TestClient.ListAsync(s3, prefix + "/")).Select(o => o.Key).ToList();
    }

    private static Row ParseLine(string line)
    {
        var json = JsonNode.Parse(line)!;
        // timestamptz renders as "…+00:00", timestamp without an offset (taken as UTC), date as "YYYY-MM-DD".
        var at = DateTime.Parse((string)json["at"]!, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        return new Row((long)json["id"]!, at);
    }
}
