namespace ActorSim.Actors.Tests.Support;

/// <summary>Actor tests share the two cores and time-sensitive watchdogs: they never run in parallel with each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ActorsCollection
{
    public const string Name = "actors";
}
