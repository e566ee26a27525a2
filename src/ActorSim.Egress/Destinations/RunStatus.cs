namespace ActorSim.Egress.Destinations;

/// <summary>How a run ended, as its manifest entry records it.</summary>
public enum RunStatus
{
    /// <summary>Every record published was written or deliberately dropped.</summary>
    Succeeded,

    /// <summary>Stopped on request (Ctrl+C, SIGTERM) before the end: the chunks listed are whole, the rest never came.</summary>
    Stopped,

    /// <summary>Failed: the chunks listed are whole, records after them are missing.</summary>
    Failed,
}
