namespace ActorSim.Cli.Progress;

/// <summary>Shows how far a run is; called from the engine thread between slices of simulated time.</summary>
internal interface IProgressReporter
{
    void Report(double simulatedSeconds, double totalSeconds, long records, TimeSpan elapsed);

    void Finish();
}
