using System.Net;
using System.Text.Json.Nodes;
using DataArchiver.Core.Configuration;
using DataArchiver.Core.Planning;
using DataArchiver.Core.Progress;
using DataArchiver.Core.State;
using DataArchiver.Viewer;

namespace DataArchiver.IntegrationTests.Viewer;

/// <summary>A real viewer on a free loopback port over a private state directory, and an HTTP client for it.</summary>
internal sealed class ViewerFixture : IAsyncDisposable
{
    private ViewerFixture(string stateDirectory, ViewerServer server, ViewerRun? run)
    {
        StateDirectory = stateDirectory;
        Server = server;
        Run = run;
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = server.Address };
    }

    public string StateDirectory { get; }
    public ViewerServer Server { get; }
    public ViewerRun? Run { get; }
    public HttpClient Http { get; }

    public static async Task<ViewerFixture> StartAsync(string? token = null, bool live = false)
    {
        var stateDirectory = Directory.CreateTempSubdirectory("da-viewer-").FullName;
        var run = live ? new ViewerRun("public.events", new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 3), TimeProvider.System) : null;
        var options = new ViewerOptions { Address = IPAddress.Loopback, Port = 0, Token = token, StateDirectory = stateDirectory, Version = "9.9.9" };
        var server = await ViewerServer.StartAsync(options, run, TimeProvider.System, CancellationToken.None);
        return new ViewerFixture(stateDirectory, server, run);
    }

    /// <summary>The state file of <c>public.events</c> to <c>s3://bucket</c>, written by the archiver's own state store.</summary>
    public StateStore OpenState() =>
        StateStore.Open(StateDirectory, "archive", "public.events", "s3://bucket", TimeProvider.System, _ => { });

    public static WorkUnit Unit(int day) => new(
        $"archive/events/2024/01/events-2024-01-0{day}.jsonl.zst",
        new Period(OutputDuration.Daily, new DateTime(2024, 1, day, 0, 0, 0, DateTimeKind.Utc)),
        new RelationName("public", $"events_2024010{day}"));

    public async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public static UnitResult Result(WorkUnit unit, UnitOutcome outcome, long rows) =>
        new(unit, outcome, rows, rows * 100, rows * 10, TimeSpan.FromSeconds(1));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
