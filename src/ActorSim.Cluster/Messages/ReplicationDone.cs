using ActorSim.Forecasts.Records;

namespace ActorSim.Cluster.Messages;

/// <summary>
/// Worker node → client: replication <paramref name="Index"/>'s outcome (its KPI row and band samples), run under lease
/// <paramref name="LeaseId"/>, and what its kept records stored (null when the job keeps none).
/// </summary>
internal sealed record ReplicationDone(string JobId, long LeaseId, int Index, double[] Row, double[] Samples, KeptRecords? Records = null) : IClusterMessage;
