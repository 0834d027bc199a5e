using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace DataArchiver.IntegrationTests.Drills;

/// <summary>
/// An HTTP relay in front of the S3 test server that makes it answer like AWS S3 does for multipart objects: HEAD
/// reports the ETag <c>md5(concatenated part MD5s)-N</c>, computed from the parts it relayed, instead of s3rver's
/// whole-object MD5. Everything else passes through unchanged (the Host header too, so signatures still hold).
/// </summary>
internal sealed class AwsETagProxy : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _upstream;
    private readonly string _upstreamBase;
    private readonly ConcurrentDictionary<(string UploadId, int Part), byte[]> _partMd5s = new();
    private readonly ConcurrentDictionary<string, string> _etags = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();

    private AwsETagProxy(string upstream, int port)
    {
        _upstreamBase = upstream.TrimEnd('/');
        _upstream = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false, AutomaticDecompression = DecompressionMethods.None });
        Endpoint = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _ = ServeAsync();
    }

    /// <summary>The endpoint URL to give the tool.</summary>
    public string Endpoint { get; }

    /// <summary>How many HEAD answers carried a rewritten ETag.</summary>
    public int Rewritten => Volatile.Read(ref _rewritten);

    private int _rewritten;

    /// <summary>Starts a relay to <paramref name="upstream"/> on a free loopback port.</summary>
    public static AwsETagProxy Start(string upstream)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new AwsETagProxy(upstream, port);
    }

    /// <summary>The AWS form of the ETag of a multipart upload from <paramref name="bytes"/> in parts of <paramref name="partSize"/>.</summary>
    public static string MultipartETag(byte[] bytes, int partSize)
    {
        var parts = bytes.Chunk(partSize).Select(part => MD5.HashData(part)).ToList();
        return $"{Convert.ToHexStringLower(MD5.HashData(parts.SelectMany(p => p).ToArray()))}-{parts.Count}";
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _upstream.Dispose();
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = RelayAsync(context);
        }
    }

    private async Task RelayAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            var rawUrl = request.RawUrl ?? "/";
            using var message = new HttpRequestMessage(new HttpMethod(request.HttpMethod), _upstreamBase + rawUrl);
            byte[] body = [];
            if (request.HasEntityBody)
            {
                using var buffer = new MemoryStream();
                await request.InputStream.CopyToAsync(buffer, _stop.Token);
                body = buffer.ToArray();
                message.Content = new ByteArrayContent(body);
            }
            foreach (var name in request.Headers.AllKeys.OfType<string>())
            {
                if (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("Connection", StringComparison.OrdinalIgnoreCase)
                    || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) || name.Equals("Expect", StringComparison.OrdinalIgnoreCase))
                    continue;
                var value = request.Headers[name]!;
                if (!message.Headers.TryAddWithoutValidation(name, value))
                    message.Content?.Headers.TryAddWithoutValidation(name, value);
            }
            message.Headers.Host = request.Headers["Host"];

            using var answer = await _upstream.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, _stop.Token);
            var key = ObjectKey(request.Url!.AbsolutePath);
            var query = System.Web.HttpUtility.ParseQueryString(request.Url.Query);
            if (answer.IsSuccessStatusCode)
                Observe(request.HttpMethod, key, query, body);

            response.StatusCode = (int)answer.StatusCode;
            foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers))
            {
                if (name is "Transfer-Encoding" or "Connection" or "Keep-Alive" || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    continue;
                var value = string.Join(",", values);
                if (name.Equals("ETag", StringComparison.OrdinalIgnoreCase) && request.HttpMethod == "HEAD" && _etags.TryGetValue(key, out var aws))
                {
                    value = $"\"{aws}\"";
                    Interlocked.Increment(ref _rewritten);
                }
                response.Headers[name] = value;
            }
            var length = answer.Content.Headers.ContentLength;
            if (length is { } n)
                response.ContentLength64 = n;
            if (request.HttpMethod != "HEAD")
                await answer.Content.CopyToAsync(response.OutputStream, _stop.Token);
        }
        catch (Exception error) when (error is HttpRequestException or IOException or HttpListenerException or OperationCanceledException)
        {
            response.StatusCode = 502;
        }
        finally
        {
            response.Close();
        }
    }

    /// <summary>Remembers part MD5s of multipart uploads and, once one completes, the AWS ETag of its object.</summary>
    private void Observe(string method, string key, System.Collections.Specialized.NameValueCollection query, byte[] body)
    {
        var uploadId = query["uploadId"];
        if (method == "PUT" && uploadId is not null && int.TryParse(query["partNumber"], System.Globalization.CultureInfo.InvariantCulture, out var part))
        {
            _partMd5s[(uploadId, part)] = MD5.HashData(body);
        }
        else if (method == "POST" && uploadId is not null)
        {
            var parts = _partMd5s.Where(p => p.Key.UploadId == uploadId).OrderBy(p => p.Key.Part).Select(p => p.Value).ToList();
            _etags[key] = $"{Convert.ToHexStringLower(MD5.HashData(parts.SelectMany(p => p).ToArray()))}-{parts.Count}";
        }
        else if (method == "PUT" && uploadId is null)
        {
            _etags.TryRemove(key, out _); // a plain PUT replaced the object: its ETag is its MD5 again
        }
    }

    private static string ObjectKey(string path)
    {
        var bucketEnd = path.IndexOf('/', 1);
        return bucketEnd < 0 ? "" : Uri.UnescapeDataString(path[(bucketEnd + 1)..]);
    }
}
