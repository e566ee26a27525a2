using ActorSim.Egress.Reports;
using Akka.Actor;

namespace ActorSim.Actors.Internal;

/// <summary>Egress actor to line: every record handed over is written (the sink's report), or why not.</summary>
internal sealed record SinkDrained(string Sink, SinkReport? Report, string? Error) : INoSerializationVerificationNeeded;
