using Akka.Actor;
using Akka.Cluster;
using Akka.Event;

namespace ActorSim.Cluster.Internal;

/// <summary>Logs the cluster's membership as this node sees it: members up, leaving, exiting, removed, downed, unreachable and reachable again.</summary>
internal sealed class MembershipLogger : ReceiveActor
{
    private readonly ILoggingAdapter _log = Context.GetLogger();

    public MembershipLogger()
    {
        Receive<ClusterEvent.UnreachableMember>(m => _log.Warning("Cluster member {Node} [{Roles}] is unreachable", m.Member.Address, Roles(m.Member)));
        Receive<ClusterEvent.ReachableMember>(m => _log.Info("Cluster member {Node} [{Roles}] is reachable again", m.Member.Address, Roles(m.Member)));
        Receive<ClusterEvent.MemberRemoved>(m => _log.Info("Cluster member {Node} [{Roles}] removed (was {Previous})", m.Member.Address, Roles(m.Member), m.PreviousStatus));
        Receive<ClusterEvent.IMemberEvent>(m => _log.Info("Cluster member {Node} [{Roles}] is {Status}", m.Member.Address, Roles(m.Member), m.Member.Status));
    }

    public static Props Props() => Akka.Actor.Props.Create(() => new MembershipLogger());

    protected override void PreStart() =>
        Akka.Cluster.Cluster.Get(Context.System).Subscribe(
            Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.IReachabilityEvent));

    protected override void PostStop() => Akka.Cluster.Cluster.Get(Context.System).Unsubscribe(Self);

    private static string Roles(Member member) => string.Join(",", member.Roles);
}
