using System.Collections.Concurrent;
using Akka.Actor;

namespace ActorSim.Actors.Internal;

/// <summary>
/// The runs whose lines this node's actor system may host, by run id: a line actor's props carry only its run id, its
/// index and its settings, and the line finds its <see cref="RunMaterials"/> here. A run is added before its coordinator
/// starts and removed when it has ended.
/// </summary>
internal sealed class NodeRuns : IExtension
{
    private readonly ConcurrentDictionary<string, RunMaterials> _runs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string RunId, int Line), IActorRef> _lines = new();

    /// <summary>The node's registry, one per actor system.</summary>
    public static NodeRuns For(ActorSystem system) => system.WithExtension<NodeRuns, NodeRunsProvider>();

    /// <summary>Adds <paramref name="runId"/>'s materials; an id already present is refused.</summary>
    public void Add(string runId, RunMaterials materials)
    {
        if (!_runs.TryAdd(runId, materials))
        {
            throw new ArgumentException($"A run with the id '{runId}' is in progress on this node; give each run its own id.", nameof(runId));
        }
    }

    /// <summary>The materials of <paramref name="runId"/>, if this node has them.</summary>
    public bool TryGet(string runId, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out RunMaterials materials) => _runs.TryGetValue(runId, out materials);

    /// <summary>Notes line <paramref name="line"/> of <paramref name="runId"/> as running here, for lines on this node that send to it straight.</summary>
    public void AddLine(string runId, int line, IActorRef actor) => _lines[(runId, line)] = actor;

    /// <summary>Line <paramref name="line"/> of <paramref name="runId"/>, if it runs on this node.</summary>
    public bool TryGetLine(string runId, int line, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out IActorRef actor) => _lines.TryGetValue((runId, line), out actor);

    /// <summary>Forgets line <paramref name="line"/> of <paramref name="runId"/> (it stopped).</summary>
    public void RemoveLine(string runId, int line) => _lines.TryRemove((runId, line), out _);

    /// <summary>Forgets <paramref name="runId"/>'s materials (its run has ended).</summary>
    public void Remove(string runId) => _runs.TryRemove(runId, out _);
}

/// <summary>Creates the <see cref="NodeRuns"/> of an actor system.</summary>
internal sealed class NodeRunsProvider : ExtensionIdProvider<NodeRuns>
{
    public override NodeRuns CreateExtension(ExtendedActorSystem system) => new();
}
