using ActorSim.Egress.Destinations;
using ActorSim.Egress.Reports;

namespace ActorSim.Cluster.Messages;

/// <summary>
/// Worker node → client: one page of what the lines hosted there wrote — per line its egress account (on the first
/// page) and a slice of the chunks it stored (paths from the destination) — and whether more pages follow. A run's
/// chunks can be tens of thousands; a page stays far below the remoting frame size.
/// </summary>
internal sealed record LinesCollected(string RunId, HostedLine[] Lines, bool More = false) : IClusterMessage;

/// <summary>One hosted line's output: its egress report per sink (empty after the first page), and chunks for the manifest.</summary>
internal sealed record HostedLine(string SimId, SinkReport[] Sinks, ManifestChunk[] Chunks);
