namespace ActorSim.Egress.Destinations;

/// <summary>What a run may do with a destination that already holds files.</summary>
public enum WriteMode
{
    /// <summary>Only an empty destination is written to; anything there refuses the run (the default).</summary>
    New,

    /// <summary>ActorSim output already there (chunks, manifest, leftovers of a dead run) is removed first; other files refuse the run.</summary>
    Overwrite,

    /// <summary>The run is added beside the completed runs already there, its chunk names carrying its run id.</summary>
    Append,
}
