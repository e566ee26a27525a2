using ActorSim.Actors.Messages;

namespace ActorSim.Actors.Serialization;

/// <summary>
/// The versioned manifest of every message type. A manifest never changes meaning: a message whose shape changes
/// incompatibly gets a new manifest (<c>grant.v2</c>) while the old one stays readable for a release.
/// </summary>
internal static class MessageManifests
{
    /// <summary>A grant with its deliveries in binary (<see cref="Serialization.GrantBinary"/>); <c>grant.v1</c>, its JSON, still reads.</summary>
    public const string GrantBinary = "grant.v2";

    /// <summary>A line's report with the items it sent in binary; <c>grant-done.v1</c>, its JSON, still reads.</summary>
    public const string GrantDoneBinary = "grant-done.v2";

    private static readonly (Type Type, string Manifest, object? Singleton)[] Table =
    [
        (typeof(StartRun), "start-run.v1", null),
        (typeof(RunStarted), "run-started.v1", null),
        (typeof(RunCompleted), "run-completed.v1", null),
        (typeof(RunStopped), "run-stopped.v1", null),
        (typeof(RunFailed), "run-failed.v1", null),
        (typeof(Pause), "pause.v1", null),
        (typeof(Resume), "resume.v1", null),
        (typeof(Stop), "stop.v1", null),
        (typeof(RunPaused), "run-paused.v1", null),
        (typeof(RunResumed), "run-resumed.v1", null),
        (typeof(GetProgress), "get-progress.v1", null),
        (typeof(RunProgress), "run-progress.v1", null),
        (typeof(LineReady), "line-ready.v1", null),
        (typeof(Grant), GrantBinary, null),
        (typeof(GrantDone), GrantDoneBinary, null),
        (typeof(LineProgress), "line-progress.v1", null),
        (typeof(LineFailed), "line-failed.v1", null),
        (typeof(FinishLine), "finish-line.v1", null),
        (typeof(LineFinished), "line-finished.v1", null),
        (typeof(Curtail), "curtail.v1", null),
        (typeof(CaptureState), "capture-state.v1", null),
        (typeof(LineStateCaptured), "line-state-captured.v1", null),
        (typeof(LinePeers), "line-peers.v1", null),
        (typeof(DirectItems), "direct-items.v1", null),
    ];

    private static readonly Dictionary<Type, string> ByType = Table.ToDictionary(e => e.Type, e => e.Manifest);

    /// <summary>Manifests no longer written that still read: the JSON forms the binary ones replaced.</summary>
    private static readonly (Type Type, string Manifest, object? Singleton)[] Readable =
    [
        (typeof(Grant), "grant.v1", null),
        (typeof(GrantDone), "grant-done.v1", null),
    ];

    private static readonly Dictionary<string, (Type Type, object? Singleton)> ByManifest =
        Table.Concat(Readable).ToDictionary(e => e.Manifest, e => (e.Type, e.Singleton), StringComparer.Ordinal);

    /// <summary>Every manifest with its type, for tests.</summary>
    public static IEnumerable<(Type Type, string Manifest)> All => Table.Select(e => (e.Type, e.Manifest));

    public static string Of(Type type) => ByType.TryGetValue(type, out var manifest)
        ? manifest
        : throw new ArgumentException($"{type.FullName} implements IActorSimMessage but has no manifest; add it to MessageManifests.", nameof(type));

    /// <summary>True for the manifests written in binary rather than JSON.</summary>
    public static bool IsBinary(string manifest) => manifest is GrantBinary or GrantDoneBinary;

    public static (Type Type, object? Singleton) Resolve(string manifest) => ByManifest.TryGetValue(manifest, out var entry)
        ? entry
        : throw new System.Runtime.Serialization.SerializationException(
            $"Unknown ActorSim message manifest '{manifest}'; the sender runs a version this node does not know. Known: {string.Join(", ", ByManifest.Keys)}.");
}
