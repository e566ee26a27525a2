namespace ActorSim.Actors;

/// <summary>When the coordinator hands out grants (<c>actorsim.actors.grants</c>); the records are the same either way.</summary>
public enum GrantMode
{
    /// <summary>
    /// As lines report (<c>eager</c>, the default): a line that reported is granted again as soon as its safe horizon
    /// moved, while the others still run, so no thread waits for a round's slowest line.
    /// </summary>
    Eager,

    /// <summary>
    /// In rounds (<c>rounds</c>): every line that can advance is granted at once, and the next round starts when all have
    /// reported. Simpler to follow in a log; a thread idles at the end of each round.
    /// </summary>
    Rounds,
}
