namespace ActorSim.Cli.Progress;

/// <summary>A live line on a terminal, redrawn at most a few times a second.</summary>
internal sealed class TerminalProgress(TextWriter output) : IProgressReporter
{
    private TimeSpan _last = TimeSpan.MinValue;

    public void Report(double simulatedSeconds, double totalSeconds, long records, TimeSpan elapsed)
    {
        if (elapsed - _last < TimeSpan.FromMilliseconds(200))
        {
            return;
        }

        _last = elapsed;
        output.Write("\r" + ProgressText.Format(simulatedSeconds, totalSeconds, records, elapsed) + "   ");
        output.Flush();
    }

    public void Finish()
    {
        if (_last != TimeSpan.MinValue)
        {
            output.WriteLine();
        }
    }
}
