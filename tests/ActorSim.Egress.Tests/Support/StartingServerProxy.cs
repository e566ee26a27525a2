using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ActorSim.Egress.Tests.Support;

/// <summary>
/// A TCP proxy on 127.0.0.1 in front of an S3 server that is still starting: it answers the request on each of its
/// first <c>refuse</c> connections with <c>503 ServiceUnavailable</c> and closes it, then forwards every later
/// connection to <c>127.0.0.1:targetPort</c>. Deterministic: it counts connections, not time. (A connection reset before
/// the request is sent would not do: .NET's HTTP client retries those by itself.)
/// </summary>
public sealed class StartingServerProxy : IDisposable
{
    private const string Unavailable =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>ServiceUnavailable</Code><Message>Server is starting.</Message></Error>";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly int _targetPort;
    private int _toRefuse;
    private int _refused;

    public StartingServerProxy(int targetPort, int refuse)
    {
        _targetPort = targetPort;
        _toRefuse = refuse;
        _listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>The port to connect to.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Requests answered with 503 so far.</summary>
    public int Refused => Volatile.Read(ref _refused);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Interlocked.Decrement(ref _toRefuse) >= 0 ? RefuseAsync(client) : ForwardAsync(client);
        }
    }

    private async Task RefuseAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                await ReadHeadAsync(stream);
                var body = Encoding.UTF8.GetBytes(Unavailable);
                var head = Encoding.ASCII.GetBytes(
                    $"HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/xml\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
                await stream.WriteAsync(head, _stop.Token);
                await stream.WriteAsync(body, _stop.Token);
                Interlocked.Increment(ref _refused);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away first.
            }
        }
    }

    private async Task ReadHeadAsync(NetworkStream stream)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        while (received.Count < 1 << 16)
        {
            var n = await stream.ReadAsync(buffer, _stop.Token);
            if (n == 0)
            {
                return;
            }

            received.AddRange(buffer.AsSpan(0, n));
            if (Encoding.ASCII.GetString(received.ToArray()).Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                return;
            }
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
                var toServer = client.GetStream().CopyToAsync(server.GetStream(), _stop.Token);
                var toClient = server.GetStream().CopyToAsync(client.GetStream(), _stop.Token);
                await Task.WhenAny(toServer, toClient);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // Either side went away; the other is closed with it.
            }
        }
    }
}
