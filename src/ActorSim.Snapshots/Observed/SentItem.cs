namespace ActorSim.Snapshots.Observed;

/// <summary>An item the log says was sent, not yet seen arriving.</summary>
internal sealed record SentItem(string Link, int From, long Sequence, double SentAt, string Key);
