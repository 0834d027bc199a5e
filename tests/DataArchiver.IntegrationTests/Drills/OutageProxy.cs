using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace DataArchiver.IntegrationTests.Drills;

/// <summary>
/// A TCP relay on 127.0.0.1 in front of the S3 test server that goes down like a killed server once (the first time) a given
/// number of request bytes has passed through it (every connection reset, the port refusing connections), and comes back
/// on the same port when told to.
/// </summary>
internal sealed class OutageProxy : IDisposable
{
    private readonly IPEndPoint _upstream;
    private readonly long _downAfterBytes;
    private readonly ConcurrentDictionary<Socket, bool> _connections = new();
    private readonly TaskCompletionSource _wentDown = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private TcpListener _listener;
    private long _forwarded;
    private bool _down;
    private bool _disposed;

    private OutageProxy(IPEndPoint upstream, long downAfterBytes)
    {
        _upstream = upstream;
        _downAfterBytes = downAfterBytes;
        _listener = Listen(0);
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptAsync(_listener);
    }

    /// <summary>The port the tool connects to.</summary>
    public int Port { get; }

    /// <summary>The endpoint URL to give the tool.</summary>
    public string Endpoint => $"http://127.0.0.1:{Port}";

    /// <summary>Completes when the outage has begun.</summary>
    public Task WentDown => _wentDown.Task;

    /// <summary>Relays to <paramref name="upstream"/> (an <c>http://127.0.0.1:PORT</c> URL) until <paramref name="downAfterBytes"/> request bytes have passed.</summary>
    public static OutageProxy Start(string upstream, long downAfterBytes)
    {
        var uri = new Uri(upstream);
        return new OutageProxy(new IPEndPoint(IPAddress.Parse(uri.Host), uri.Port), downAfterBytes);
    }

    /// <summary>Ends the outage: the port accepts connections again and relays them.</summary>
    public void ComeBack()
    {
        lock (_gate)
        {
            _listener = Listen(Port);
            _down = false;
            _ = AcceptAsync(_listener);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _listener.Stop();
            foreach (var socket in _connections.Keys)
                socket.Dispose();
        }
    }

    private static TcpListener Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        return listener;
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync();
            }
            catch (Exception error) when (error is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return; // the listener was stopped: down or disposed
            }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(Socket client)
    {
        using var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var clientOwner = client;
        lock (_gate)
        {
            if (_down || _disposed)
            {
                Reset(client);
                return;
            }
            _connections[client] = true;
            _connections[server] = true;
        }
        try
        {
            await server.ConnectAsync(_upstream);
            await Task.WhenAll(PumpAsync(client, server, countRequests: true), PumpAsync(server, client, countRequests: false));
        }
        catch (Exception error) when (error is SocketException or ObjectDisposedException)
        {
            // The outage (or disposal) cut this connection.
        }
        finally
        {
            _connections.TryRemove(client, out _);
            _connections.TryRemove(server, out _);
        }
    }

    private async Task PumpAsync(Socket from, Socket to, bool countRequests)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var read = await from.ReceiveAsync(buffer, SocketFlags.None);
            if (read == 0)
            {
                to.Shutdown(SocketShutdown.Send);
                return;
            }
            if (countRequests && !_wentDown.Task.IsCompleted && Interlocked.Add(ref _forwarded, read) >= _downAfterBytes)
            {
                GoDown();
                return;
            }
            await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
        }
    }

    /// <summary>What a killed server looks like from outside: open connections reset, nothing listening.</summary>
    private void GoDown()
    {
        lock (_gate)
        {
            if (_wentDown.Task.IsCompleted)
                return;
            _down = true;
            _listener.Stop();
            foreach (var socket in _connections.Keys)
                Reset(socket);
            _wentDown.TrySetResult();
        }
    }

    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
