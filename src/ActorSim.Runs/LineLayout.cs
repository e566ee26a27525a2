namespace ActorSim.Runs;

/// <summary>Where each line's chunks go under a sink's destination.</summary>
public enum LineLayout
{
    /// <summary>A single line writes into the destination itself, chunk names untouched.</summary>
    Single,

    /// <summary>Each line of a plant writes into <c>line=&lt;sim_id&gt;/</c> under the destination (a Hive-style partition).</summary>
    Folders,

    /// <summary>Every line writes into the destination itself and chunk names carry the line: one dataset.</summary>
    Merged,
}
