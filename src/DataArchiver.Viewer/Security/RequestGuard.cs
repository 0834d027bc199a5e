using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace DataArchiver.Viewer.Security;

/// <summary>
/// Checks every request before it reaches an endpoint: the Host (on loopback, only loopback names, against DNS
/// rebinding), the token (query <c>token</c>, <c>Authorization: Bearer</c> or the cookie), the websocket's Origin
/// (its own host only). Adds headers that keep the page from being framed, sniffed, cached or run foreign script.
/// No CORS header is ever sent, so other sites cannot read the API.
/// </summary>
internal sealed class RequestGuard(ViewerOptions options)
{
    private const string Policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly string[] LoopbackHosts = ["127.0.0.1", "localhost", "[::1]"];
    private readonly ViewerToken? _token = options.Token is { } token ? new ViewerToken(token) : null;

    /// <summary>The middleware.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";

        if (options.IsLoopback && !LoopbackHosts.Contains(context.Request.Host.Host, StringComparer.OrdinalIgnoreCase))
        {
            await Refuse(context, StatusCodes.Status421MisdirectedRequest, "this viewer answers loopback host names only");
            return;
        }
        if (_token is not null && !Authorize(context, _token))
        {
            await Refuse(context, StatusCodes.Status401Unauthorized, "unauthorized: open the page with ?token=… or send Authorization: Bearer …");
            return;
        }
        if (context.WebSockets.IsWebSocketRequest && !SameOrigin(context))
        {
            await Refuse(context, StatusCodes.Status403Forbidden, "websocket from another origin refused");
            return;
        }
        if (_token is not null && context.Request.Query.ContainsKey("token") && HttpMethods.IsGet(context.Request.Method)
            && context.Request.Path == "/")
        {
            // The token is in the cookie now; take it out of the address bar and the history.
            context.Response.Redirect(context.Request.PathBase + context.Request.Path);
            return;
        }
        await next(context);
    }

    private static bool Authorize(HttpContext context, ViewerToken token)
    {
        var request = context.Request;
        if (request.Query.TryGetValue("token", out var query))
        {
            if (!token.Matches(query.ToString()))
                return false;
            context.Response.Cookies.Append(ViewerToken.CookieName, query.ToString(), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = request.IsHttps,
                Path = "/",
            });
            return true;
        }
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return token.Matches(authorization["Bearer ".Length..].Trim());
        return token.Matches(request.Cookies[ViewerToken.CookieName]);
    }

    private static bool SameOrigin(HttpContext context)
    {
        var origin = context.Request.Headers.Origin;
        if (StringValues.IsNullOrEmpty(origin))
            return true; // not a browser: nothing a foreign page could abuse
        var own = $"{context.Request.Scheme}://{context.Request.Host}";
        return string.Equals(origin.ToString(), own, StringComparison.OrdinalIgnoreCase);
    }

    private static Task Refuse(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message + "\n", context.RequestAborted);
    }
}
