using Akka.Actor;

namespace ActorSim.Actors.Internal;

/// <summary>Egress actor to line: every full batch handed over is stored (<paramref name="Error"/> null), or why not.</summary>
internal sealed record SinkSettled(string Sink, string? Error) : INoSerializationVerificationNeeded;
