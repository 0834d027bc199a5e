using System.Text;
using System.Text.Json.Nodes;
using DataArchiver.Core.Configuration;
using DataArchiver.Core.Planning;
using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Postgres;

/// <summary>Exports a table as JSON lines through the real reader and compares every line with the server's row_to_json.</summary>
internal static class RowToJson
{
    /// <summary>
    /// Asserts that the export of <paramref name="table"/> (which has a bigint or int <c>id</c>) holds one line per row,
    /// each byte-identical to <c>row_to_json</c> of that row, except that line breaks inside json values are spaces.
    /// </summary>
    public static async Task AssertExportMatchesAsync(string table)
    {
        var (bytes, rows) = await ReaderHarness.ExportAsync(new RelationName("public", table), OutputFormat.Jsonl, chunkSize: 100);

        var expected = await Db.ColumnAsync($"SELECT row_to_json(whole_row)::text FROM {table} whole_row ORDER BY id");
        var lines = Encoding.UTF8.GetString(bytes).Split('\n');
        Assert.Equal("", lines[^1]);
        var actual = lines[..^1].OrderBy(line => (long)JsonNode.Parse(line)!["id"]!).ToList();
        Assert.Equal(expected.Count, rows);
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var want = expected[i].Replace('\n', ' ').Replace('\r', ' ');
            if (want != actual[i])
                Assert.Fail($"row {i} differs at byte {FirstDifference(want, actual[i])}:\nexpected {Clip(want)}\nactual   {Clip(actual[i])}");
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected[i]), JsonNode.Parse(actual[i])), $"row {i} is not equal as JSON");
        }
    }

    private static int FirstDifference(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
            i++;
        return i;
    }

    private static string Clip(string line) => line.Length <= 2000 ? line : line[..2000] + "…";
}
