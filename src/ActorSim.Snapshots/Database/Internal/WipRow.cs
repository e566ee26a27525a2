namespace ActorSim.Snapshots.Database.Internal;

/// <summary>A row of the work-in-progress relation, in the order read.</summary>
internal sealed record WipRow(int Order, string Line, string Key, string Task, long Step, string Status, DateTime Since, long? Priority, DateTime? HoldingSince);
