using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DataArchiver.IntegrationTests.Support;

/// <summary>
/// A small HTTP/1.1 proxy in front of the S3 test server that lets a test decide, per request line
/// (<c>PUT /bucket/key?partNumber=1&amp;uploadId=… HTTP/1.1</c>), whether to forward a request, hold it until
/// <see cref="Release"/> (so an upload is deterministically in flight; nothing more is read from that client meanwhile),
/// or answer it itself with a canned response.
/// Requests are framed by Content-Length, which is all the S3 client sends here (no aws-chunked, no chunked bodies).
/// </summary>
internal sealed class HttpGateProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _upstream;
    private readonly Func<string, bool> _hold;
    private readonly Func<string, string?> _answer;
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _connections = [];
    private readonly Lock _gate = new();
    private readonly List<string> _held = [];
    private readonly Task _accepting;
    private TaskCompletionSource<string> _nextHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _bytesToClients;

    /// <summary>
    /// Starts the proxy. <paramref name="hold"/> picks requests to hold; <paramref name="answer"/> may return a full raw
    /// HTTP response to send instead of forwarding (after the request body has been read).
    /// </summary>
    public HttpGateProxy(string upstream, Func<string, bool>? hold = null, Func<string, string?>? answer = null)
    {
        _upstream = new Uri(upstream);
        _hold = hold ?? (_ => false);
        _answer = answer ?? (_ => null);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The endpoint to give the tool instead of the S3 server's.</summary>
    public string Endpoint => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>How many response bytes the server has sent through the proxy so far.</summary>
    public long BytesToClients => Interlocked.Read(ref _bytesToClients);

    /// <summary>Request lines held so far.</summary>
    public IReadOnlyList<string> Held
    {
        get
        {
            lock (_gate)
                return [.. _held];
        }
    }

    /// <summary>Completes with the request line of the next request that gets held (or the first, if one already is).</summary>
    public Task<string> NextHeldAsync()
    {
        lock (_gate)
            return _nextHeld.Task;
    }

    /// <summary>Forwards every held request and stops holding.</summary>
    public void Release() => _released.TrySetResult();

    /// <summary>A raw S3 error response with <paramref name="status"/> and <paramref name="code"/>.</summary>
    public static string ErrorResponse(int status, string reason, string code)
    {
        var body = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{reason}</Message></Error>";
        return $"HTTP/1.1 {status} {reason}\r\nContent-Type: application/xml\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}";
    }

    /// <summary>Stops: held requests are dropped, not forwarded.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        Task[] connections;
        lock (_gate)
            connections = [.. _connections];
        try
        {
            await Task.WhenAll([_accepting, .. connections]).WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception)
        {
            // Connections end with socket errors when either side goes away; that is the normal end here.
        }
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            lock (_gate)
                _connections.Add(ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        using var upstream = new TcpClient();
        try
        {
            await upstream.ConnectAsync(_upstream.Host, _upstream.Port, _stopping.Token);
            var down = RelayResponsesAsync(upstream.GetStream(), client.GetStream());
            var up = ForwardRequestsAsync(client.GetStream(), upstream.GetStream());
            await Task.WhenAny(down, up);
        }
        catch (Exception)
        {
            // Either side closed or the proxy is stopping.
        }
    }

    /// <summary>Copies the server's answers to the client as they come, counting the bytes.</summary>
    private async Task RelayResponsesAsync(NetworkStream server, NetworkStream client)
    {
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await server.ReadAsync(buffer, _stopping.Token)) > 0)
        {
            await client.WriteAsync(buffer.AsMemory(0, read), _stopping.Token);
            Interlocked.Add(ref _bytesToClients, read);
        }
    }

    /// <summary>Copies requests one by one from the client to the server, holding or answering those the test picked.</summary>
    private async Task ForwardRequestsAsync(NetworkStream client, NetworkStream server)
    {
        var reader = new RequestReader(client);
        while (await reader.ReadHeadAsync(_stopping.Token) is { } head)
        {
            var requestLine = head.RequestLine;
            if (_answer(requestLine) is { } response)
            {
                await reader.SkipBodyAsync(head.ContentLength, _stopping.Token);
                await client.WriteAsync(Encoding.UTF8.GetBytes(response), _stopping.Token);
                return;
            }
            if (!_released.Task.IsCompleted && _hold(requestLine))
            {
                lock (_gate)
                {
                    _held.Add(requestLine);
                    _nextHeld.TrySetResult(requestLine);
                    _nextHeld = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
                }
                // Nothing is read from the client meanwhile: its request (and body) stays in flight until released.
                await Task.WhenAny(_released.Task, Task.Delay(Timeout.Infinite, _stopping.Token));
                if (!_released.Task.IsCompleted)
                    return;
            }
            await server.WriteAsync(head.Bytes, _stopping.Token);
            await reader.CopyBodyAsync(head.ContentLength, server, _stopping.Token);
        }
    }

    /// <summary>The header block of one request.</summary>
    private sealed record RequestHead(string RequestLine, long ContentLength, byte[] Bytes);

    /// <summary>Reads request heads and bodies from a client stream, keeping bytes read past a head for its body.</summary>
    private sealed class RequestReader(NetworkStream stream)
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;

        public async Task<RequestHead?> ReadHeadAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                var end = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8);
                if (end >= 0)
                {
                    var bytes = _buffer.AsSpan(_start, end + 4).ToArray();
                    _start += end + 4;
                    var text = Encoding.ASCII.GetString(bytes);
                    var lines = text.Split("\r\n");
                    long length = 0;
                    foreach (var line in lines.Skip(1))
                    {
                        var colon = line.IndexOf(':', StringComparison.Ordinal);
                        if (colon <= 0)
                            continue;
                        var name = line[..colon].Trim();
                        if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                            length = long.Parse(line[(colon + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                        if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
                            throw new NotSupportedException($"the proxy cannot frame a request with Transfer-Encoding: {lines[0]}");
                    }
                    return new RequestHead(lines[0], length, bytes);
                }
                if (!await FillAsync(cancellationToken))
                    return null;
            }
        }

        public async Task CopyBodyAsync(long length, Stream target, CancellationToken cancellationToken)
        {
            while (length > 0)
            {
                if (_start == _end && !await FillAsync(cancellationToken))
                    throw new IOException("the client closed the connection inside a request body");
                var take = (int)Math.Min(length, _end - _start);
                await target.WriteAsync(_buffer.AsMemory(_start, take), cancellationToken);
                _start += take;
                length -= take;
            }
        }

        public Task SkipBodyAsync(long length, CancellationToken cancellationToken) => CopyBodyAsync(length, Stream.Null, cancellationToken);

        private async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            if (_end == _buffer.Length)
                throw new NotSupportedException("a request head larger than the proxy's buffer");
            int read;
            try
            {
                read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            }
            catch (IOException)
            {
                return false;
            }
            _end += read;
            return read > 0;
        }
    }
}
