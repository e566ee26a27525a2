using Akka.Actor;
using ActorSim.Egress.Reports;

namespace ActorSim.Actors.Internal;

/// <summary>The end of a line's egress drain, piped back to the line actor; never leaves the actor.</summary>
internal sealed record EgressDrained(EgressReport? Report, Exception? Error) : INoSerializationVerificationNeeded;
