namespace ActorSim.Cli.Progress;

/// <summary>
/// Reports progress from a timer for runs whose engine threads are not ours (actors, windowed): every few tenths of a
/// second it samples where the run is and hands that to the reporter, one call at a time.
/// </summary>
internal sealed class ProgressPoller : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    /// <summary>Starts sampling <paramref name="sample"/> (simulated seconds reached, records so far) for a run of <paramref name="totalSeconds"/>.</summary>
    public ProgressPoller(IProgressReporter reporter, Func<(double SimulatedSeconds, long Records)> sample, double totalSeconds, TimeSpan every)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        _loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(every);
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
                {
                    var (simulated, records) = sample();
                    reporter.Report(simulated, totalSeconds, records, clock.Elapsed);
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped at the end of the run.
            }
        });
    }

    /// <summary>Stops sampling; the reporter gets no call after this returns.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
