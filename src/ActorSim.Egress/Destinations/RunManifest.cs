namespace ActorSim.Egress.Destinations;

/// <summary>
/// The destination's <c>_manifest.json</c>: every run that wrote into it, with its chunks. Written last by each run
/// (also one that failed or was stopped), so the chunks of a run are exactly those its entry lists.
/// </summary>
public sealed record RunManifest
{
    /// <summary>The manifest format's name and version.</summary>
    public const string CurrentFormat = "actorsim-manifest/1";

    /// <summary>The format this manifest was written in.</summary>
    public string Format { get; init; } = CurrentFormat;

    /// <summary>The runs, oldest first.</summary>
    public IReadOnlyList<ManifestRun> Runs { get; init; } = [];
}
