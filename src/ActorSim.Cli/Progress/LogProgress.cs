namespace ActorSim.Cli.Progress;

/// <summary>Plain log lines every few seconds, for pipes and CI logs.</summary>
internal sealed class LogProgress(TextWriter output, TimeSpan every) : IProgressReporter
{
    private TimeSpan _next = TimeSpan.Zero;

    public void Report(double simulatedSeconds, double totalSeconds, long records, TimeSpan elapsed)
    {
        if (elapsed < _next)
        {
            return;
        }

        _next = elapsed + every;
        output.WriteLine($"progress {ProgressText.Format(simulatedSeconds, totalSeconds, records, elapsed)}");
    }

    public void Finish()
    {
    }
}
