using Akka.Actor;

namespace ActorSim.Actors.Internal;

/// <summary>Starts line <paramref name="line"/> as a child of the coordinator (or, in tests, hands back a probe).</summary>
internal delegate IActorRef LineStarter(IActorContext context, int line);
