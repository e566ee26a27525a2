using Spectre.Console;

namespace ActorSim.Cli.Progress;

/// <summary>
/// A live progress bar on a terminal (Spectre.Console): the share of simulated time done, then simulated time, records
/// per second and the time left. Spectre redraws it on its own thread; <see cref="Report"/> only updates it.
/// </summary>
internal sealed class LiveProgress : IProgressReporter
{
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<ProgressTask> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _display;
    private int _finishing;

    /// <summary>Starts the bar on <paramref name="console"/>, which must be a terminal's (see <see cref="CommandLine.Terminal"/>).</summary>
    public LiveProgress(IAnsiConsole console)
    {
        var progress = console.Progress()
            .AutoClear(false)
            .Columns(new ProgressBarColumn { Width = 20 }, new PercentageColumn(), new TaskDescriptionColumn { Alignment = Justify.Left });
        _display = Task.Run(() => progress.StartAsync(async context =>
        {
            _started.TrySetResult(context.AddTask("starting", autoStart: true, maxValue: 1));
            await _finished.Task.ConfigureAwait(false);
        }));
    }

    public void Report(double simulatedSeconds, double totalSeconds, long records, TimeSpan elapsed)
    {
        if (!_started.Task.IsCompletedSuccessfully)
        {
            return;
        }

        var task = _started.Task.Result;
        task.MaxValue = Math.Max(totalSeconds, double.Epsilon);
        task.Value = Math.Min(simulatedSeconds, task.MaxValue);
        task.Description = Markup.Escape(ProgressText.Compact(simulatedSeconds, totalSeconds, records, elapsed));
    }

    /// <summary>Leaves the bar as last drawn and ends the display; later calls do nothing.</summary>
    public void Finish()
    {
        if (Interlocked.Exchange(ref _finishing, 1) == 1)
        {
            return;
        }

        _finished.TrySetResult();
        // The display ends within a refresh (a tenth of a second); the run's summary is written after it.
        _display.GetAwaiter().GetResult();
    }
}
