using System.Net;
using System.Net.WebSockets;

namespace DataArchiver.IntegrationTests.Viewer;

/// <summary>The viewer's guard on a real Kestrel: token on every request and the websocket, cookie, Host, Origin, no CORS.</summary>
public sealed class ViewerSecurityTests
{
    private const string Token = "test-token-7f3a";

    [Theory]
    [InlineData("/")]
    [InlineData("/app.js")]
    [InlineData("/api/status")]
    [InlineData("/api/cache")]
    [InlineData("/metrics")]
    public async Task WithToken_RequestWithoutIt_401AndNothingShown(string path)
    {
        await using var viewer = await ViewerFixture.StartAsync(Token);

        using var response = await viewer.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("archiverRunning", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithToken_WrongTokenOrBearer_401_RightBearer_200()
    {
        await using var viewer = await ViewerFixture.StartAsync(Token);

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOf(viewer, "/api/status?token=wrong"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOf(viewer, "/api/status", bearer: Token + "x"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOf(viewer, "/api/status", cookie: "data_archiver_viewer=" + Token[..^1]));
        Assert.Equal(HttpStatusCode.OK, await StatusOf(viewer, "/api/status", bearer: Token));
        Assert.Equal(HttpStatusCode.OK, await StatusOf(viewer, "/api/status?token=" + Token));
    }

    [Fact]
    public async Task WithToken_PageOpenedWithToken_SetsHttpOnlyCookieAndRedirectsWithoutToken_CookieThenServesPageAndSocket()
    {
        await using var viewer = await ViewerFixture.StartAsync(Token);

        using var opened = await viewer.Http.GetAsync("/?token=" + Token);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal("/", opened.Headers.Location!.OriginalString);
        var cookie = Assert.Single(opened.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("data_archiver_viewer=" + Token + ";", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        var pair = cookie.Split(';')[0];
        Assert.Equal(HttpStatusCode.OK, await StatusOf(viewer, "/", cookie: pair));
        using var page = new HttpRequestMessage(HttpMethod.Get, "/");
        page.Headers.Add("Cookie", pair);
        var html = await (await viewer.Http.SendAsync(page)).Content.ReadAsStringAsync();
        Assert.DoesNotContain(Token, html, StringComparison.Ordinal);

        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Cookie", pair);
        await socket.ConnectAsync(SocketUri(viewer), CancellationToken.None);
        Assert.Equal(WebSocketState.Open, socket.State);
    }

    [Fact]
    public async Task WithToken_SocketWithoutToken_Refused401()
    {
        await using var viewer = await ViewerFixture.StartAsync(Token);
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(SocketUri(viewer), CancellationToken.None));
        Assert.Equal(HttpStatusCode.Unauthorized, socket.HttpStatusCode);
    }

    [Fact]
    public async Task Socket_FromAnotherOrigin_Refused403_FromOwnOrigin_Accepted()
    {
        await using var viewer = await ViewerFixture.StartAsync();
        using var foreign = new ClientWebSocket();
        foreign.Options.CollectHttpResponseDetails = true;
        foreign.Options.SetRequestHeader("Origin", "http://evil.example");

        await Assert.ThrowsAsync<WebSocketException>(() => foreign.ConnectAsync(SocketUri(viewer), CancellationToken.None));
        Assert.Equal(HttpStatusCode.Forbidden, foreign.HttpStatusCode);

        using var own = new ClientWebSocket();
        own.Options.SetRequestHeader("Origin", viewer.Server.Address.GetLeftPart(UriPartial.Authority));
        await own.ConnectAsync(SocketUri(viewer), CancellationToken.None);
        Assert.Equal(WebSocketState.Open, own.State);
    }

    [Fact]
    public async Task ForeignHostHeader_Refused_NoCorsHeaderEver_SecurityHeadersSet()
    {
        await using var viewer = await ViewerFixture.StartAsync();

        using var rebound = new HttpRequestMessage(HttpMethod.Get, "/api/cache");
        rebound.Headers.Host = "attacker.example:8080";
        Assert.Equal(HttpStatusCode.MisdirectedRequest, (await viewer.Http.SendAsync(rebound)).StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/status");
        request.Headers.Add("Origin", "http://evil.example");
        using var response = await viewer.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/status");
        preflight.Headers.Add("Origin", "http://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        using var answer = await viewer.Http.SendAsync(preflight);
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    private static Uri SocketUri(ViewerFixture viewer) => new($"ws://{viewer.Server.Address.Authority}/ws");

    private static async Task<HttpStatusCode> StatusOf(ViewerFixture viewer, string path, string? bearer = null, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (bearer is not null)
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        if (cookie is not null)
            request.Headers.Add("Cookie", cookie);
        using var response = await viewer.Http.SendAsync(request);
        return response.StatusCode;
    }
}
