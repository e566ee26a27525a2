namespace ActorSim.Cluster;

/// <summary>A cluster plant run that lost worker nodes and went on: what was lost, when, and what was replayed.</summary>
/// <param name="Nodes">The addresses of the nodes lost.</param>
/// <param name="Lines">The lines they hosted (by sim id).</param>
/// <param name="LostAt">Simulated seconds from the run's start where the run noticed the loss.</param>
/// <param name="RestoredFrom">The instant of the checkpoint every line was restored from (the run's start when none could serve); the run replayed from there to <paramref name="LostAt"/>.</param>
/// <param name="After">Wall time from the client's start of the run to the loss.</param>
public sealed record ClusterRecovery(IReadOnlyList<string> Nodes, IReadOnlyList<string> Lines, double LostAt, double RestoredFrom, TimeSpan After)
{
    /// <summary>The latest checkpoint: every chunk before it was kept, none rewritten; the replay stores only the chunks after it.</summary>
    public double Stored { get; init; }
}
