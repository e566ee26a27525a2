using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ActorSim.Snapshots.Tests.Support;

/// <summary>
/// A <c>moto_server</c> on 127.0.0.1 and a free port for the tests of one class; killed on dispose (as in ActorSim.Egress.Tests).
/// Subclass with <see cref="RequireAuthentication"/> for a server that checks credentials.
/// </summary>
public class MotoServerFixture : IAsyncLifetime
{
    private Process? _process;

    /// <summary>The endpoint URL, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string Endpoint { get; private set; } = string.Empty;

    /// <summary>When true, moto checks signatures and keys (every request needs a known access key).</summary>
    protected virtual bool RequireAuthentication => false;

    public async Task InitializeAsync()
    {
        var port = FreePort();
        Endpoint = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("moto_server", $"-H 127.0.0.1 -p {port}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (RequireAuthentication)
        {
            start.Environment["INITIAL_NO_AUTH_ACTION_COUNT"] = "0";
        }

        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("moto_server did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException(
                "moto_server is not installed or not on PATH; the S3 tests need it (pip install 'moto[server]').", ex);
        }

        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await Probe.UntilAsync(() => AnswersAsync(port), TimeSpan.FromSeconds(30),
            () => $"moto_server on port {port} did not answer HTTP within 30 s (exited: {_process.HasExited}).");
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> AnswersAsync(int port)
    {
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/"));
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }
}
