namespace ActorSim.Blueprints.Internal;

/// <summary>The names a line defines, for checking a task's references where they are written.</summary>
internal sealed record DefinedNames(
    IReadOnlyCollection<string> Arrivals,
    IReadOnlyCollection<string> Services,
    IReadOnlyCollection<string> Resources);
