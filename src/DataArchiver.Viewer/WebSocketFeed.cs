using System.Net.WebSockets;
using System.Text.Json;
using DataArchiver.Viewer.Api;
using DataArchiver.Viewer.Sources;
using Microsoft.AspNetCore.Http;

namespace DataArchiver.Viewer;

/// <summary>
/// <c>/ws</c>: sends the status and the objects on connect, then again whenever either changes, at most every
/// <see cref="MinimumGap"/> so a fast run does not flood the page. Reads only to notice that the page went away.
/// </summary>
internal static class WebSocketFeed
{
    /// <summary>The shortest time between two messages of the same kind.</summary>
    public static readonly TimeSpan MinimumGap = TimeSpan.FromMilliseconds(250);

    /// <summary>Serves one websocket request until the client or the server ends it.</summary>
    public static async Task ServeAsync(HttpContext context, ViewerSource source, TimeProvider clock, CancellationToken stopping)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var reading = DrainAsync(socket, ending);
        try
        {
            long statusSeen = -1, cacheSeen = -1;
            while (!ending.IsCancellationRequested)
            {
                var status = source.StatusChanged.Version;
                var cache = source.CacheChanged.Version;
                if (status != statusSeen)
                {
                    statusSeen = status;
                    await SendAsync(socket, JsonSerializer.SerializeToUtf8Bytes(new StatusMessage(source.Status()), ViewerJson.Default.StatusMessage), ending.Token);
                }
                if (cache != cacheSeen)
                {
                    cacheSeen = cache;
                    await SendAsync(socket, JsonSerializer.SerializeToUtf8Bytes(new CacheMessage(source.Cache()), ViewerJson.Default.CacheMessage), ending.Token);
                }
                await Task.WhenAny(source.StatusChanged.WaitPastAsync(statusSeen, ending.Token),
                    source.CacheChanged.WaitPastAsync(cacheSeen, ending.Token));
                await Task.Delay(MinimumGap, clock, ending.Token);
            }
        }
        catch (Exception error) when (error is OperationCanceledException or WebSocketException)
        {
        }
        var serverStopping = stopping.IsCancellationRequested;
        await ending.CancelAsync();
        await reading;
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                if (serverStopping && socket.State == WebSocketState.Open)
                {
                    // The run is over: the page gets its final state before the socket closes.
                    await SendAsync(socket, JsonSerializer.SerializeToUtf8Bytes(new StatusMessage(source.Status()), ViewerJson.Default.StatusMessage), closing.Token);
                    await SendAsync(socket, JsonSerializer.SerializeToUtf8Bytes(new CacheMessage(source.Cache()), ViewerJson.Default.CacheMessage), closing.Token);
                }
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", closing.Token);
            }
            catch (Exception error) when (error is OperationCanceledException or WebSocketException)
            {
            }
        }
    }

    private static Task SendAsync(WebSocket socket, byte[] message, CancellationToken cancellationToken) =>
        socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    /// <summary>Reads and drops whatever the page sends; ends the feed when the page closes.</summary>
    private static async Task DrainAsync(WebSocket socket, CancellationTokenSource ending)
    {
        var buffer = new byte[1024];
        try
        {
            while (!ending.IsCancellationRequested)
            {
                var received = await socket.ReceiveAsync(buffer, ending.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                    break;
            }
        }
        catch (Exception error) when (error is OperationCanceledException or WebSocketException)
        {
        }
        await ending.CancelAsync();
    }
}
