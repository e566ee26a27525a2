using ActorSim.Model.Plants;

namespace ActorSim.Actors.Messages;

/// <summary>What a run through the actors did: the <see cref="PlantRunStats"/> every engine reports (<see cref="Plant"/>), and the actors' own account of waits and threads.</summary>
/// <param name="Rounds">Synchronization rounds; with eager grants (the default), the coordinator's batches of grants.</param>
/// <param name="Grants">Grants over all rounds.</param>
/// <param name="ItemsDelivered">Items handed to their destination lines.</param>
/// <param name="WallSeconds">Wall-clock seconds from the start request to the end of the egress drain.</param>
/// <param name="WaitingSeconds">Wall-clock seconds the coordinator waited for reports (grants out, round not complete).</param>
/// <param name="Parallelism">Threads of the line dispatcher.</param>
/// <param name="Lines">Per line, in index order.</param>
public sealed record ActorRunStats(long Rounds, long Grants, long ItemsDelivered, double WallSeconds, double WaitingSeconds, int Parallelism, IReadOnlyList<LineStats> Lines)
{
    /// <summary>What every engine reports of a plant run: rounds, grants, engine events, items sent.</summary>
    public PlantRunStats Plant => new(Rounds, Grants, ProcessedEvents, ItemsSent);

    /// <summary>Engine events over all lines.</summary>
    public long ProcessedEvents => Lines.Sum(l => l.ProcessedEvents);

    /// <summary>Items sent over all lines.</summary>
    public long ItemsSent => Lines.Sum(l => l.ItemsSent);

    /// <summary>Wall-clock seconds lines waited for grants, summed over lines (see <see cref="LineStats.SyncWaitSeconds"/>).</summary>
    public double SyncWaitSeconds => Lines.Sum(l => l.SyncWaitSeconds);

    /// <summary>Wall-clock seconds lines were blocked on full egress queues, summed over lines (part of their busy time).</summary>
    public double EgressBlockedSeconds => Lines.Sum(l => l.EgressBlockedSeconds);

    /// <summary>Line busy time over wall time × threads: 1 when every thread ran a line all the time.</summary>
    public double ParallelEfficiency => WallSeconds <= 0 || Parallelism <= 0 ? 0 : Lines.Sum(l => l.BusySeconds) / (WallSeconds * Parallelism);
}
