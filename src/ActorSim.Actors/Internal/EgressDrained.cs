using Akka.Actor;

namespace ActorSim.Actors.Internal;

/// <summary>The end of disposing a line's closable sink, piped back to the line actor; never leaves the actor.</summary>
internal sealed record EgressDrained(Exception? Error) : INoSerializationVerificationNeeded;
