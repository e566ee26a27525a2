namespace ActorSim.Cli.Progress;

/// <summary>Reports nothing.</summary>
internal sealed class NoProgress : IProgressReporter
{
    public static NoProgress Instance { get; } = new();

    public void Report(double simulatedSeconds, double totalSeconds, long records, TimeSpan elapsed)
    {
    }

    public void Finish()
    {
    }
}
