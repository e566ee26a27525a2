using System.Diagnostics;
using System.Text;

namespace ActorSim.Cli.Tests.Support;

/// <summary>The built actorsim command (actorsim.dll beside the tests) in a process of its own, as a user or a supervisor starts it.</summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _awaited = [];

    private CliProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    public static CliProcess Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    /// <summary>Starts actorsim with <paramref name="args"/> and these environment variables set over the test's own.</summary>
    public static CliProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        InterruptNotIgnored.Ensure();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "actorsim.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = start };
        var cli = new CliProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            Append(cli._output, e.Data);
            cli.Notify(e.Data is null);
        };
        process.ErrorDataReceived += (_, e) => Append(cli._error, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    /// <summary>
    /// Waits until standard output holds <paramref name="text"/>, woken by each line the process writes; throws a
    /// <see cref="TimeoutException"/> with both outputs when the process ends first or <paramref name="timeout"/> passes.
    /// </summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            if (_output.ToString().Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            _awaited.Add((text, seen));
        }

        try
        {
            await seen.Task.WaitAsync(timeout);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            throw new TimeoutException($"actorsim never printed '{text}' (exited: {HasExited}). Output: {Output} Error: {Error}");
        }
    }

    /// <summary>Sends a signal (TERM, INT) with kill(1): <see cref="Process.Kill()"/> only sends SIGKILL.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Waits for the process to end and for its output to be read; kills it after <paramref name="timeout"/>.</summary>
    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"actorsim still ran {timeout.TotalSeconds} s after the signal. Error so far: {Error}");
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    /// <summary>Completes the waits whose text the output now holds; at the output's end, fails the others.</summary>
    private void Notify(bool ended)
    {
        lock (_output)
        {
            var output = _output.ToString();
            foreach (var waiter in _awaited.ToArray())
            {
                if (output.Contains(waiter.Text, StringComparison.Ordinal))
                {
                    waiter.Seen.TrySetResult();
                    _awaited.Remove(waiter);
                }
                else if (ended)
                {
                    waiter.Seen.TrySetException(new InvalidOperationException("the output ended"));
                    _awaited.Remove(waiter);
                }
            }
        }
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (text)
        {
            text.AppendLine(line);
        }
    }
}
