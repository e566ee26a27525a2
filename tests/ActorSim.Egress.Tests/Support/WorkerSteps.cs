using ActorSim.Model.Records;

namespace ActorSim.Egress.Tests.Support;

/// <summary>A <see cref="SinkWorker"/>'s two halves driven by hand: the routing half adds, the storing half stores.</summary>
internal static class WorkerSteps
{
    /// <summary>Adds <paramref name="records"/> in order, on the routing half.</summary>
    public static void AddAll(SinkWorker worker, IEnumerable<SimRecord> records)
    {
        foreach (var record in records)
        {
            worker.Add(in record);
        }
    }

    /// <summary>Stores every queued batch, landing each store in order (a failed store throws from its landing).</summary>
    public static async Task StoreAllAsync(SinkWorker worker)
    {
        for (var oldest = worker.Pump(CancellationToken.None); oldest is not null; oldest = worker.Pump(CancellationToken.None))
        {
            await oldest.ContinueWith(_ => { }, TaskScheduler.Default);
            worker.LandOldest();
        }
    }
}
