using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using DataArchiver.Core.Configuration;
using DataArchiver.Viewer.Api;
using DataArchiver.Viewer.Metrics;
using DataArchiver.Viewer.Security;
using DataArchiver.Viewer.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataArchiver.Viewer;

/// <summary>
/// The web view on Kestrel: the page, <c>/api/status</c>, <c>/api/cache</c>, <c>/ws</c> and <c>/metrics</c>, every
/// request through the <see cref="RequestGuard"/>. Logs nothing (a request line could hold the token).
/// </summary>
public sealed class ViewerServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ViewerSource _source;
    private readonly CancellationTokenSource _stopping = new();
    private Task _watching = Task.CompletedTask;

    private ViewerServer(WebApplication app, ViewerSource source)
    {
        _app = app;
        _source = source;
    }

    /// <summary>Where the viewer answers, e.g. <c>http://127.0.0.1:8080/</c>.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    /// <summary>
    /// Starts a viewer of <see cref="ViewerOptions.StateDirectory"/>; with <paramref name="run"/>, of that run as well
    /// (feed it the pipeline's events through <see cref="ViewerRun.Progress"/>). A non-loopback address without a token
    /// and an address that cannot be listened on are <see cref="ConfigurationException"/>s.
    /// </summary>
    public static async Task<ViewerServer> StartAsync(ViewerOptions options, ViewerRun? run, TimeProvider clock, CancellationToken cancellationToken)
    {
        Check(options);
        var metrics = run?.Metrics ?? new RunMetrics();
        var source = new ViewerSource(options.StateDirectory, run?.Tracker, options.Version, clock, metrics);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, QuietLifetime>();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(options.Address, options.Port);
        });
        var app = builder.Build();
        var server = new ViewerServer(app, source);
        server.Map(options, clock);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException error) when (error.InnerException is SocketException || error is not FileNotFoundException)
        {
            await app.DisposeAsync();
            throw new ConfigurationException($"the viewer cannot listen on {Describe(options.Address, options.Port)}: {error.Message}");
        }
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        server.Address = new Uri((bound ?? $"http://{Describe(options.Address, options.Port)}").TrimEnd('/') + "/");
        server._watching = source.WatchAsync(server._stopping.Token);
        return server;
    }

    /// <summary>Stops listening; open websockets are closed.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _watching;
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(grace.Token);
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    /// <summary>Refuses what is unsafe: anything but loopback needs a token.</summary>
    public static void Check(ViewerOptions options)
    {
        if (!options.IsLoopback && string.IsNullOrEmpty(options.Token))
            throw new ConfigurationException(
                $"--viewer-addr {options.Address} is not a loopback address: set --viewer-token (or ARCHIVE_VIEWER_TOKEN) to serve it");
        if (options.Port is < 0 or > 65535)
            throw new ConfigurationException($"--viewer-port {options.Port} is out of range (1..65535)");
    }

    private void Map(ViewerOptions options, TimeProvider clock)
    {
        var guard = new RequestGuard(options);
        var assets = PageAssets.Load();
        _app.UseWebSockets(); // first: the guard asks it whether a request is a websocket one
        _app.Use((context, next) => guard.InvokeAsync(context, next));
        foreach (var (path, (content, type)) in assets)
        {
            _app.MapGet(path, context =>
            {
                context.Response.ContentType = type;
                return context.Response.Body.WriteAsync(content, context.RequestAborted).AsTask();
            });
        }
        _app.MapGet("/api/status", context => WriteJson(context, JsonSerializer.SerializeToUtf8Bytes(_source.Status(), ViewerJson.Default.StatusResponse)));
        _app.MapGet("/api/cache", context => WriteJson(context, JsonSerializer.SerializeToUtf8Bytes(_source.Cache(), ViewerJson.Default.CacheResponse)));
        _app.MapGet("/metrics", async context =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await _source.Metrics.ExportAsync(context.Response.Body, context.RequestAborted);
        });
        _app.Map("/ws", context => WebSocketFeed.ServeAsync(context, _source, clock, _stopping.Token));
    }

    private static Task WriteJson(HttpContext context, byte[] json)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.Body.WriteAsync(json, context.RequestAborted).AsTask();
    }

    private static string Describe(IPAddress address, int port) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]:{port}" : $"{address}:{port}";
}
