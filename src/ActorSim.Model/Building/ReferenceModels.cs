using ActorSim.Model.Distributions;

namespace ActorSim.Model.Building;

/// <summary>The models the project measures itself with.</summary>
public static class ReferenceModels
{
    /// <summary>
    /// The seed's history example, "Line_A": exponential arrivals at 2/s, normal(2 s, 0.2 s) milling on 4 of at
    /// most 10 lathes, one step per task, telemetry every 60 s. Utilization is 100 %, so the queue drifts upward.
    /// </summary>
    public static LineModel LineA() => new LineBuilder("Line_A")
        .AddArrival("standard", DistributionConfig.Exponential(2.0))
        .AddService("milling", DistributionConfig.Normal(2.0, 0.2))
        .AddResource("lathe", currentCap: 4, maxCap: 10)
        .AddTask("part", arrival: "standard", steps => steps.Step("lathe", "milling"))
        .AddTelemetry(60)
        .Build();
}
