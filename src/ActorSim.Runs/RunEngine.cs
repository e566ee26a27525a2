namespace ActorSim.Runs;

/// <summary>Which runner executes a run; every one writes the same records (the determinism contract).</summary>
public enum RunEngine
{
    /// <summary>All lines in one engine on one thread: the sequential reference, no actors.</summary>
    Reference,

    /// <summary>One engine per line, advanced in conservative windows, on <see cref="RunSpec.Parallelism"/> threads.</summary>
    Windowed,

    /// <summary>A line actor per line under a coordinator actor (Akka.NET), on <see cref="RunSpec.Parallelism"/> line threads.</summary>
    Actors,
}
