using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using DataArchiver.IntegrationTests.Drills;
using DataArchiver.IntegrationTests.Operator;
using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Viewer;

/// <summary>
/// The page in headless chromium during a real <c>archive --viewer</c> run of four partitions, each held behind a lock
/// the test owns and let go one at a time: states and row counts change on screen in one page load; sorting and
/// filtering change the rows shown; a partition named like an HTML tag is shown as text and runs nothing.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class ViewerBrowserTests : IDisposable
{
    private const string ImgTag = "<img src=x onerror=window.__xss=1>";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly ArchiveArgs _args = new();

    public void Dispose() => _args.Dispose();

    [Fact]
    public async Task GatedArchiveRun_PageShowsStatesAndRowsChanging_SortsFilters_NamesAsText_Screenshot()
    {
        var t = TestServices.UniqueName("vb");
        var prefix = TestServices.UniqueName("vb");
        var imgName = $"{ImgTag} {t[^8..]}"; // a unique table name that is also an HTML tag
        var children = new[] { $"{t}_20240101", $"{t}_20240102", $"{t}_20240103", imgName };
        await Db.ExecuteAsync($"""
            CREATE TABLE {t} (id bigint NOT NULL, at timestamptz NOT NULL, name text) PARTITION BY RANGE (at);
            CREATE TABLE {children[0]} PARTITION OF {t} FOR VALUES FROM ('2024-01-01 00:00+00') TO ('2024-01-02 00:00+00');
            CREATE TABLE {children[1]} PARTITION OF {t} FOR VALUES FROM ('2024-01-02 00:00+00') TO ('2024-01-03 00:00+00');
            CREATE TABLE {children[2]} PARTITION OF {t} FOR VALUES FROM ('2024-01-03 00:00+00') TO ('2024-01-04 00:00+00');
            CREATE TABLE "{imgName}" PARTITION OF {t} FOR VALUES FROM ('2024-01-04 00:00+00') TO ('2024-01-05 00:00+00');
            INSERT INTO {t} SELECT g, '2024-01-01 00:00+00'::timestamptz + (g % 4) * interval '1 day' + g * interval '1 second', 'row ' || g
              FROM generate_series(1, 1600) g;
            """);
        var keys = Enumerable.Range(0, 4).Select(day => ArchivedObjects.Key(prefix, t, day, ".jsonl.zst")).ToArray();
        var port = FreePort();
        var locks = new List<DayTables.TableLock>();
        foreach (var child in children)
            locks.Add(await DayTables.LockAsync(child == imgName ? $"\"{imgName}\"" : child));
        try
        {
            // --debug and no terminal: the viewer is served under both.
            using var run = await PublishedCli.StartAsync(
                _args.ToS3(t, prefix, "2024-01-01", "2024-01-04", "--workers", "4", "--skip-count", "--debug",
                    "--viewer", "--viewer-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                _args.Environment);
            var url = $"http://127.0.0.1:{port}/";
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            await Poll.UntilAsync(async () => await WorkersAsync(http) == 4, "four workers waiting behind the locks", Patience);

            var screenshot = ScreenshotPath();
            using var browser = BrowserScript.Start("viewer-run.mjs", url, screenshot, new JsonArray(keys.Select(k => (JsonNode)k!).ToArray()).ToJsonString());
            await browser.WaitReadyAsync(Patience);
            for (var i = 0; i < locks.Count; i++)
            {
                await locks[i].ReleaseAsync();
                var key = keys[i];
                // After the last unit the run ends and the viewer with it.
                await Poll.UntilAsync(async () => run.HasExited || await StateOfAsync(http, key) == "uploaded", $"{key} uploaded", Patience);
            }
            var result = await browser.ResultAsync(Patience);
            Assert.True(await run.WaitForExitAsync(Patience), run.Describe());
            Assert.True(run.ExitCode == 0, run.Describe());

            Assert.Empty(result["errors"]!.AsArray());
            Assert.Equal(1, (int)result["loads"]!);
            // The last unit ends the run and its viewer: it is seen running; the others running, then uploaded.
            Assert.Equal("running", (string)result["states"]![keys[^1]]![0]!);
            foreach (var key in keys[..^1])
            {
                var states = result["states"]![key]!.AsArray().Select(s => (string)s!).ToList();
                Assert.True(states.Count >= 2 && states[0] == "running" && states[^1] == "uploaded", $"{key}: {string.Join(" → ", states)}");
                var rows = result["rows"]![key]!.AsArray().Select(s => (string)s!).ToList();
                Assert.True(rows.Count >= 2 && rows[0] == "0" && rows[^1] == "400", $"{key}: rows {string.Join(" → ", rows)}");
            }

            var ascending = Strings(result["sortedAsc"]!);
            Assert.Equal(4, ascending.Count);
            Assert.Equal(ascending.Order(StringComparer.Ordinal), ascending, StringComparer.Ordinal);
            Assert.Equal(ascending.AsEnumerable().Reverse(), Strings(result["sortedDesc"]!));
            Assert.Equal([keys[1]], Strings(result["searched"]!));
            Assert.Equal(0, (int)result["failedShown"]!);
            Assert.InRange((int)result["uploadedShown"]!, 3, 4);

            Assert.Contains($"public.{imgName}", ascending);
            Assert.True((bool)result["workerTexts"]!);
            Assert.Equal(0, (int)result["images"]!);
            Assert.Null(result["xssFlag"]);
            Assert.Equal(0, (int)result["dialogs"]!);
            Assert.True(new FileInfo(screenshot).Length > 10_000, "screenshot written");
        }
        finally
        {
            foreach (var held in locks)
                await held.DisposeAsync();
            await Db.ExecuteAsync($"DROP TABLE IF EXISTS {t} CASCADE");
        }
    }

    private static List<string> Strings(JsonNode array) => array.AsArray().Select(s => (string)s!).ToList();

    private static async Task<int> WorkersAsync(HttpClient http)
    {
        try
        {
            var status = JsonNode.Parse(await http.GetStringAsync("/api/status"))!;
            var run = status["runs"]!.AsArray().FirstOrDefault(r => (bool)r!["live"]!);
            return run?["workers"]!.AsArray().Count(w => (string)w!["stage"]! == "extracting") ?? 0;
        }
        catch (HttpRequestException)
        {
            return 0; // not listening yet
        }
    }

    private static async Task<string?> StateOfAsync(HttpClient http, string key)
    {
        JsonNode cache;
        try
        {
            cache = JsonNode.Parse(await http.GetStringAsync("/api/cache"))!;
        }
        catch (HttpRequestException)
        {
            return null;
        }
        return cache["tables"]!.AsArray().SelectMany(t => t!["entries"]!.AsArray())
            .Where(e => (string)e!["s3Key"]! == key).Select(e => (string?)e!["state"]).FirstOrDefault();
    }

    private static string ScreenshotPath()
    {
        var directory = Directory.CreateDirectory(Path.Combine(PublishedCli.RepositoryRoot(), ".dev", "test-results")).FullName;
        return Path.Combine(directory, "viewer-archive-run.png");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
