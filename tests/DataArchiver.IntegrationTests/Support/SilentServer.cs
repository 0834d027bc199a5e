using System.Net;
using System.Net.Sockets;

namespace DataArchiver.IntegrationTests.Support;

/// <summary>
/// A TCP server on 127.0.0.1 that accepts connections and never says a word: a client connecting to it waits for
/// the server's greeting until it gives up or is cancelled. <see cref="Accepted"/> tells when the first one arrived.
/// </summary>
internal sealed class SilentServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly TaskCompletionSource _accepted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<TcpClient> _clients = [];
    private readonly Lock _gate = new();

    public SilentServer()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Completes when the first connection has been accepted.</summary>
    public Task Accepted => _accepted.Task;

    public void Dispose()
    {
        _listener.Stop();
        lock (_gate)
        {
            foreach (var client in _clients)
                client.Dispose();
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
                _accepted.TrySetResult();
            }
        }
        catch (Exception error) when (error is SocketException or ObjectDisposedException)
        {
            // The listener was stopped.
        }
    }
}
