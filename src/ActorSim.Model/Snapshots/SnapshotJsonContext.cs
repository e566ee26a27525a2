using System.Text.Json.Serialization;

namespace ActorSim.Model.Snapshots;

/// <summary>
/// The snapshot types' JSON metadata, generated at build time: reading a snapshot then needs no reflection emit, which
/// had cost a fresh process about a quarter of a second of JIT before its first replication. The naming, enum and
/// null rules are <see cref="SnapshotJson"/>'s options, which use this as their resolver.
/// </summary>
[JsonSerializable(typeof(ModelSnapshot))]
[JsonSerializable(typeof(LineSnapshot))]
internal sealed partial class SnapshotJsonContext : JsonSerializerContext;
