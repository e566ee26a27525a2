using System.Diagnostics;

namespace ActorSim.Runs.Execution;

/// <summary>
/// Samples where a run is from a timer (its engine threads are not the caller's) and hands each sample to the
/// listener, one call at a time, and once more when the run ends (<see cref="DisposeAsync"/>); after that the listener gets no more calls.
/// </summary>
internal sealed class ProgressPoller : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Action? _last;

    public ProgressPoller(Action<RunSample>? listener, Func<(double SimulatedSeconds, long Records)> sample, double durationSeconds, TimeSpan every, Stopwatch clock)
    {
        // A last sample when the run ends, so that a run shorter than one interval is told too.
        _last = listener is null ? null : () =>
        {
            var (simulated, records) = sample();
            listener(new RunSample(simulated, durationSeconds, records, clock.Elapsed));
        };
        if (listener is null)
        {
            _loop = Task.CompletedTask;
            return;
        }

        _loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(every);
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
                {
                    var (simulated, records) = sample();
                    listener(new RunSample(simulated, durationSeconds, records, clock.Elapsed));
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped at the end of the run.
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
        _last?.Invoke();
    }
}
