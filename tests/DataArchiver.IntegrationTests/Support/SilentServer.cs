using System.Net;
using System.Net.Sockets;

namespace DataArchiver.IntegrationTests.Support;

/// <summary>
/// A TCP server on 127.0.0.1 that accepts connections, reads what clients send and never says a word: a client
/// connecting to it waits for the server's answer until it gives up or is cancelled. <see cref="ClientSpoke"/> tells
/// when the first client has sent something (for PostgreSQL, its startup message) and so is waiting for that answer.
/// </summary>
internal sealed class SilentServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly TaskCompletionSource _spoke = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<TcpClient> _clients = [];
    private readonly Lock _gate = new();

    public SilentServer()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Completes when a client has sent its first bytes.</summary>
    public Task ClientSpoke => _spoke.Task;

    public void Dispose()
    {
        _listener.Stop();
        lock (_gate)
        {
            foreach (var client in _clients)
                client.Dispose();
        }
    }

    private async Task ListenAsync(TcpClient client)
    {
        var buffer = new byte[4096];
        try
        {
            while (await client.GetStream().ReadAsync(buffer) > 0)
                _spoke.TrySetResult();
        }
        catch (Exception error) when (error is IOException or ObjectDisposedException)
        {
            // The client went away, or the server is stopping.
        }
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync();
                lock (_gate)
                    _clients.Add(client);
                _ = ListenAsync(client);
            }
        }
        catch (Exception error) when (error is SocketException or ObjectDisposedException)
        {
            // The listener was stopped.
        }
    }
}
