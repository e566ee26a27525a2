namespace ActorSim.Model.Distributions;

/// <summary>Temporary.</summary>
public enum DistributionKind
{
    /// <summary>Exponential.</summary>
    Exponential,

    /// <summary>Normal.</summary>
    Normal,
}
