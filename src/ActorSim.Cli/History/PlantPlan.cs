using ActorSim.Egress;
using ActorSim.Model.Plants;

namespace ActorSim.Cli.History;

/// <summary>A plant's history run, resolved: each line writes through its own sinks into <c>line=&lt;sim_id&gt;/</c>.</summary>
internal sealed record PlantPlan(
    PlantModel Plant,
    DateTime Start,
    double DurationSeconds,
    ulong Seed,
    PlantEngine Engine,
    int Parallelism,
    Func<string, IReadOnlyList<SinkOptions>> SinksFor,
    string Destination,
    double Factor,
    string LogLevel,
    byte[] ModelDefinition)
{
    /// <summary>Whether every line writes into <see cref="Destination"/> itself (chunk names carry the line) rather than <c>line=&lt;sim_id&gt;/</c>.</summary>
    public bool MergeLines { get; init; }

    /// <summary>The folder of <paramref name="simId"/>'s chunks relative to <see cref="Destination"/>: <c>line=&lt;sim_id&gt;/</c>, or empty when lines are merged.</summary>
    public string LineFolder(string simId) => MergeLines ? string.Empty : $"line={simId}/";
}
