using ActorSim.Egress.Destinations;
using ActorSim.Egress.Reports;

namespace ActorSim.Cluster.Messages;

/// <summary>Worker node → client: per line hosted there, its egress account and every chunk it stored (paths from the destination).</summary>
internal sealed record LinesCollected(string RunId, HostedLine[] Lines) : IClusterMessage;

/// <summary>One hosted line's output: its egress report per sink, and its chunks for the manifest.</summary>
internal sealed record HostedLine(string SimId, SinkReport[] Sinks, ManifestChunk[] Chunks);
