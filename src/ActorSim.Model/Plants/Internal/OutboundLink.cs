using ActorSim.Model.Distributions;

namespace ActorSim.Model.Plants.Internal;

/// <summary>A link as its sending line uses it during one run: the live delay and where items go.</summary>
internal sealed record OutboundLink(LinkDefinition Definition, int DestinationLine, DistributionConfig Delay)
{
    public string Name => Definition.Name;

    public string Path => Definition.Path;

    public double Lookahead => Definition.Lookahead;
}
