namespace ActorSim.Cli.History;

/// <summary>Which runner executes a plant; every one writes the same records (the determinism contract).</summary>
internal enum PlantEngine
{
    /// <summary>All lines in one engine: the sequential reference.</summary>
    Reference,

    /// <summary>One engine per line, advanced in conservative windows, on <c>--parallelism</c> threads.</summary>
    Windowed,

    /// <summary>A LineActor per line under a CoordinatorActor (Akka.NET), on <c>--parallelism</c> line threads.</summary>
    Actors,
}
