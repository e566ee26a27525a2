namespace ActorSim.Actors.Messages;

/// <summary>
/// Marker of every ActorSim message that may cross the network: bound in HOCON to the System.Text.Json serializer,
/// which writes each under a versioned manifest (for example <c>grant.v1</c>).
/// </summary>
#pragma warning disable CA1040 // A marker interface is how Akka binds a serializer to a family of messages.
internal interface IActorSimMessage;
#pragma warning restore CA1040
