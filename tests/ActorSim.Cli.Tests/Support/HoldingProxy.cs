using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ActorSim.Cli.Tests.Support;

/// <summary>
/// A TCP proxy on 127.0.0.1 in front of a real S3 server that passes every request through, except that it holds the
/// first connection whose request names a chunk object (<c>events_</c>): that upload neither reaches the server nor
/// gets an answer, so a test can act while a chunk is being stored.
/// </summary>
internal sealed class HoldingProxy : IDisposable
{
    private static readonly byte[] ChunkMarker = Encoding.ASCII.GetBytes("events_");

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<IDisposable> _open = [];
    private int _holding;

    public HoldingProxy(string target)
    {
        _target = new Uri(target);
        _listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>host:port, as S3_ENDPOINT takes it.</summary>
    public string HostPort => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>Completes when a chunk's upload is being held.</summary>
    public Task Held => _held.Task;

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_open)
        {
            _open.ForEach(d => d.Dispose());
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                var server = new TcpClient();
                await server.ConnectAsync(_target.Host, _target.Port, _stop.Token);
                lock (_open)
                {
                    _open.Add(client);
                    _open.Add(server);
                }

                _ = PumpAsync(client.GetStream(), server.GetStream(), watch: true);
                _ = PumpAsync(server.GetStream(), client.GetStream(), watch: false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Disposed.
        }
    }

    /// <summary>Copies <paramref name="from"/> to <paramref name="to"/>; a watched (client) side stops at the first chunk upload, which is then held.</summary>
    private async Task PumpAsync(NetworkStream from, NetworkStream to, bool watch)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                if (watch && buffer.AsSpan(0, read).IndexOf(ChunkMarker) >= 0 && Interlocked.Exchange(ref _holding, 1) == 0)
                {
                    _held.TrySetResult();
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                }

                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // A side closed, or the proxy was disposed.
        }
    }
}
