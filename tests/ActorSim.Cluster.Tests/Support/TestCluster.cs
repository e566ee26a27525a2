using ActorSim.Cluster;
using Akka.Actor;
using Akka.Cluster;
using Akka.Event;
using Akka.Remote;
using Akka.Remote.Transport;

namespace ActorSim.Cluster.Tests.Support;

/// <summary>
/// Nodes of one cluster in this test process, all on 127.0.0.1 with port 0, the first the seed of the others, with
/// failure detection shortened for tests and the throttling transport adapter (to blackhole a node). Disposing stops
/// every node, also after a failed test.
/// </summary>
internal sealed class TestCluster : IAsyncDisposable
{
    /// <summary>
    /// Shorter detection (a lost node is unreachable within about 4 s), no downing within a test (stable-after 60 s: the
    /// forecast re-queues on unreachability alone), quick shutdown phases, and the "trttl" adapter for blackholes.
    /// </summary>
    private const string Overrides = """
        akka.remote.dot-netty.tcp.applied-adapters = [trttl]
        akka.cluster.failure-detector {
          heartbeat-interval = 500ms
          acceptable-heartbeat-pause = 3s
          threshold = 8.0
        }
        akka.cluster.split-brain-resolver.stable-after = 60s
        akka.cluster.gossip-interval = 250ms
        akka.cluster.leader-actions-interval = 250ms
        akka.cluster.periodic-tasks-initial-delay = 200ms
        akka.coordinated-shutdown.default-phase-timeout = 2s
        akka.coordinated-shutdown.phases.cluster-exiting.timeout = 2s
        akka.coordinated-shutdown.phases.cluster-leave.timeout = 2s
        actorsim.cluster.forecast.worker-wait = 20s
        """;

    private readonly List<ActorSimNode> _nodes = [];

    public IReadOnlyList<ActorSimNode> Nodes => _nodes;

    /// <summary>
    /// Starts a node joining the first one (or starting the cluster), with <paramref name="role"/> (comma-separated
    /// roles: <c>worker,heavy</c>); <paramref name="logLevel"/> for its Akka log,
    /// <paramref name="overrides"/> laid over the test settings, <paramref name="stores"/> its way to record destinations (null: the default).
    /// </summary>
    /// <remarks>
    /// <paramref name="serializeMessages"/> serializes every message, ours and Akka's own: Akka's cluster events to the
    /// split brain resolver (ReachabilityChanged) do not survive its JSON, so tests that lose a node leave it off.
    /// </remarks>
    public ActorSimNode Start(
        string role, int parallelism = 1, string logLevel = "WARNING", bool serializeMessages = false, string? overrides = null, Func<string, Egress.Storage.IObjectStore>? stores = null)
    {
        var node = ActorSimNode.Start(new ClusterNodeSettings
        {
            Roles = role.Split(','),
            Parallelism = parallelism,
            SeedNodes = _nodes.Count == 0 ? [] : [_nodes[0].Address.ToString()],
            SerializeMessages = serializeMessages,
            LogLevel = logLevel,
            Overrides = overrides is null ? Overrides : Overrides + "\n" + overrides,
            Stores = stores,
        });
        _nodes.Add(node);
        return node;
    }

    /// <summary>Waits until every node sees all of them Up.</summary>
    public async Task WhenAllUpAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        await Task.WhenAll(_nodes.Select(n => n.WhenUp)).WaitAsync(deadline.Token);
        while (_nodes.Any(n => Akka.Cluster.Cluster.Get(n.System).State.Members.Count(m => m.Status == MemberStatus.Up) < _nodes.Count))
        {
            await Task.Delay(50, deadline.Token);
        }
    }

    /// <summary>Cuts <paramref name="node"/> off from every other node, both ways, as a network partition would.</summary>
    public async Task BlackholeAsync(ActorSimNode node)
    {
        foreach (var other in _nodes.Where(n => n != node))
        {
            Assert.True(await Transport(node).ManagementCommand(new SetThrottle(other.Address, ThrottleTransportAdapter.Direction.Both, Blackhole.Instance)));
            Assert.True(await Transport(other).ManagementCommand(new SetThrottle(node.Address, ThrottleTransportAdapter.Direction.Both, Blackhole.Instance)));
        }
    }

    /// <summary>Completes when <paramref name="node"/> logs a message containing <paramref name="text"/> (at its log level or above).</summary>
    public static Task LoggedAsync(ActorSimNode node, string text)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listener = node.System.ActorOf(Props.Create(() => new LogListener(text, seen)));
        node.System.EventStream.Subscribe(listener, typeof(LogEvent));
        return seen.Task;
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_nodes.Select(async n =>
        {
            try
            {
                await n.System.Terminate().WaitAsync(TimeSpan.FromSeconds(15));
            }
            catch (TimeoutException)
            {
                // A blackholed node may not finish leaving; the process ends it.
            }
        }));
    }

    private static RemoteTransport Transport(ActorSimNode node) => ((RemoteActorRefProvider)((ExtendedActorSystem)node.System).Provider).Transport;

    private sealed class LogListener : ReceiveActor
    {
        public LogListener(string text, TaskCompletionSource seen) =>
            Receive<LogEvent>(e =>
            {
                if (e.ToString().Contains(text, StringComparison.Ordinal))
                {
                    seen.TrySetResult();
                }
            });
    }
}
