using Akka.Actor;

namespace ActorSim.Actors.Internal;

/// <summary>
/// Creates an actor with a plain constructor call: <c>Props.Create(() =&gt; new T(...))</c> takes an expression tree
/// whose arguments Akka evaluates by compiling expressions, which cost tens of milliseconds of JIT at a run's start.
/// </summary>
internal sealed class ActorFactory<TActor>(Func<TActor> create) : IIndirectActorProducer
    where TActor : ActorBase
{
    public Type ActorType => typeof(TActor);

    public ActorBase Produce() => create();

    public void Release(ActorBase actor)
    {
    }
}
