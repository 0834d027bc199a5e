using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using DataArchiver.Core.Progress;
using DataArchiver.Core.State;

namespace DataArchiver.IntegrationTests.Viewer;

/// <summary><c>/ws</c>: status and cache on connect, then again on every change, from the live run and from the files.</summary>
public sealed class ViewerSocketTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Socket_SendsStatusAndCacheOnConnect_ThenOnChanges()
    {
        await using var viewer = await ViewerFixture.StartAsync(live: true);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{viewer.Server.Address.Authority}/ws"), CancellationToken.None);

        var first = await ReceiveAsync(socket);
        var second = await ReceiveAsync(socket);
        Assert.Equal(["cache", "status"], new[] { (string)first["type"]!, (string)second["type"]! }.Order());
        var status = first["type"]!.ToString() == "status" ? first : second;
        Assert.True((bool)status["data"]!["archiverRunning"]!);
        Assert.NotNull(status["data"]!["runs"]);

        // A unit starts in the live run: a status naming its worker follows.
        var unit = ViewerFixture.Unit(1);
        viewer.Run!.Progress.UnitStarted(unit);
        await UntilAsync(socket, m => (string)m["type"]! == "status" && m["data"]!["runs"]![0]!["workers"]!.AsArray().Count == 1);

        // Another process writes the state file: a cache message with the new object follows.
        var state = viewer.OpenState();
        state.Set(ViewerFixture.Unit(2).Key, new ObjectRecord { Size = 5, Md5 = "ab", Rows = 3, UploadedAt = DateTimeOffset.UtcNow });
        await UntilAsync(socket, m => (string)m["type"]! == "cache"
            && m["data"]!["tables"]!.AsArray().Any(t => t!["entries"]!.AsArray().Any(e => (string)e!["s3Key"]! == ViewerFixture.Unit(2).Key)));

        // The live unit finishes: the cache shows it as skipped by this run.
        state.Set(unit.Key, new ObjectRecord { Size = 9, Md5 = "cd", Rows = 4, UploadedAt = DateTimeOffset.UtcNow });
        viewer.Run.Progress.UnitFinished(ViewerFixture.Result(unit, UnitOutcome.Skipped, 4));
        await UntilAsync(socket, m => (string)m["type"]! == "cache"
            && m["data"]!["tables"]![0]!["entries"]!.AsArray().Any(e => (string)e!["s3Key"]! == unit.Key && (string)e["state"]! == "skipped"));
    }

    private static async Task UntilAsync(ClientWebSocket socket, Func<JsonNode, bool> wanted)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (true)
        {
            var message = await ReceiveAsync(socket, deadline.Token);
            if (wanted(message))
                return;
        }
    }

    private static async Task<JsonNode> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Patience);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult received;
        do
        {
            received = await socket.ReceiveAsync(buffer, timeout.Token);
            message.Write(buffer, 0, received.Count);
        }
        while (!received.EndOfMessage);
        return JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray()))!;
    }
}
