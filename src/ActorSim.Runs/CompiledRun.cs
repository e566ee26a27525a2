using System.Text;
using ActorSim.Egress;
using ActorSim.Egress.Routing;
using ActorSim.Egress.Storage;
using ActorSim.Model.Plants;

namespace ActorSim.Runs;

/// <summary>
/// A <see cref="RunSpec"/> compiled in this process (<see cref="RunCompiler"/>): its plant, built here, and its
/// lines' sinks, made on demand with this process's stores.
/// </summary>
public sealed class CompiledRun
{
    private readonly Func<string, IObjectStore> _storeFor;

    internal CompiledRun(RunSpec spec, PlantModel plant, string name, byte[] modelDefinition, Func<string, IObjectStore> storeFor)
    {
        Spec = spec;
        Plant = plant;
        Name = name;
        ModelDefinition = modelDefinition;
        _storeFor = storeFor;
    }

    /// <summary>The run description this was compiled from.</summary>
    public RunSpec Spec { get; }

    /// <summary>The plant: a single line's is a plant of that one line.</summary>
    public PlantModel Plant { get; }

    /// <summary>The model's name in manifests: a single line's sim id, a plant blueprint's file name, or a catalog name.</summary>
    public string Name { get; }

    /// <summary>Lines pinned to worker nodes of a role (a plant blueprint's <c>lines.&lt;sim_id&gt;.node</c>), by sim id; empty: none.</summary>
    public IReadOnlyDictionary<string, string> LineNodes { get; init; } = new Dictionary<string, string>();

    /// <summary>What defines the model, hashed in manifests: the blueprint's text (UTF-8), or <c>builtin:</c>/<c>catalog:</c> and the catalog name.</summary>
    public byte[] ModelDefinition { get; }

    /// <summary>
    /// The folder of <paramref name="simId"/>'s chunks relative to each sink's destination: <c>line=&lt;sim_id&gt;/</c>
    /// with <see cref="LineLayout.Folders"/>, else empty.
    /// </summary>
    public string LineFolder(string simId) => Spec.Layout == LineLayout.Folders ? $"line={simId}/" : string.Empty;

    /// <summary>
    /// The sinks of the line <paramref name="simId"/>, in the order of <see cref="RunSpec.Sinks"/>, each writing through
    /// a new store of this process into its destination (or the line's folder of it, under a folder such as a forecast's
    /// <c>replication=3/</c> when one is given); merged lines' chunk names carry the line.
    /// </summary>
    public IReadOnlyList<SinkOptions> SinksFor(string simId) => SinksFor(simId, string.Empty);

    /// <inheritdoc cref="SinksFor(string)"/>
    public IReadOnlyList<SinkOptions> SinksFor(string simId, string under)
    {
        ArgumentNullException.ThrowIfNull(simId);
        ArgumentNullException.ThrowIfNull(under);
        var sinks = new SinkOptions[Spec.Sinks.Count];
        for (var i = 0; i < sinks.Length; i++)
        {
            var sink = Spec.Sinks[i];
            var folder = under + LineFolder(simId);
            var destination = folder.Length == 0 ? sink.Destination : $"{sink.Destination.TrimEnd('/')}/{folder.TrimEnd('/')}";
            var options = sink.ToSinkOptions(_storeFor(destination));
            sinks[i] = Spec.Layout == LineLayout.Merged ? options with { Router = options.Router.WithFileSuffix(simId) } : options;
        }

        return sinks;
    }

    /// <summary>A new store of this process for <paramref name="destination"/> (a folder or <c>s3://bucket/prefix</c>).</summary>
    public IObjectStore CreateStore(string destination) => _storeFor(destination);

    internal static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
