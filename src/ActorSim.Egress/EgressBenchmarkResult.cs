using ActorSim.Egress.Reports;

namespace ActorSim.Egress;

/// <summary>What one <see cref="EgressBenchmark"/> run did and how long it took.</summary>
/// <param name="Report">The pipeline's teardown report.</param>
/// <param name="Elapsed">Wall time of publishing and teardown.</param>
public sealed record EgressBenchmarkResult(EgressReport Report, TimeSpan Elapsed)
{
    /// <summary>Records written per wall second.</summary>
    public double RecordsPerSecond => Report.Sinks.Sum(s => s.Written) / Elapsed.TotalSeconds;
}
