using System.Diagnostics;
using System.Globalization;

namespace ActorSim.Cli.Forecast;

/// <summary>
/// A long forecast's progress: every few seconds a plain line on standard error with the replications done, the rate
/// and, when the count is known, the share and the time left. Counts from any worker thread.
/// </summary>
internal sealed class ForecastProgress : IDisposable
{
    private readonly TextWriter _error;
    private readonly int? _total;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer _timer;
    private int _done;

    /// <param name="error">Where the lines go.</param>
    /// <param name="total">The replications to run; null when sequential stopping decides.</param>
    /// <param name="every">Time between lines.</param>
    public ForecastProgress(TextWriter error, int? total, TimeSpan every)
    {
        _error = error;
        _total = total;
        _timer = new Timer(_ => Write(), null, every, every);
    }

    /// <summary>Counts one replication done.</summary>
    public void ReplicationDone() => Interlocked.Increment(ref _done);

    /// <summary>The line for <paramref name="done"/> replications after <paramref name="elapsed"/>.</summary>
    public static string Line(int done, int? total, TimeSpan elapsed)
    {
        var rate = done / Math.Max(elapsed.TotalSeconds, 1e-9);
        var inv = CultureInfo.InvariantCulture;
        return total is { } all && all > 0
            ? string.Create(inv, $"progress {100.0 * done / all,5:0.0}%  {done:N0} of {all:N0} replications  {rate:0.#} replications/s  ETA {(done == 0 ? "?" : $"{(all - done) / rate:0.0} s")}")
            : string.Create(inv, $"progress {done:N0} replications  {rate:0.#} replications/s");
    }

    public void Dispose() => _timer.Dispose();

    private void Write()
    {
        lock (_error)
        {
            _error.WriteLine(Line(Volatile.Read(ref _done), _total, _clock.Elapsed));
        }
    }
}
