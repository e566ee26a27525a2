using ActorSim.Model.Random;

namespace ActorSim.Runs;

/// <summary>
/// The run seed of each replication of a run: replication 0 runs on the run's seed itself (a single run and the first
/// replication write the same records); replication <c>r</c> above 0 on the first output of the stream
/// <c>replication-&lt;r&gt;</c> split from it, so replications are independent, and the same on every node.
/// </summary>
public static class ReplicationSeeds
{
    /// <summary>The run seed of replication <paramref name="replication"/> (0 or more) of a run seeded <paramref name="seed"/>.</summary>
    public static ulong For(ulong seed, int replication)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(replication);
        return replication == 0
            ? seed
            : RandomStream.Create(seed, "replication-" + replication.ToString(System.Globalization.CultureInfo.InvariantCulture)).NextUInt64();
    }
}
