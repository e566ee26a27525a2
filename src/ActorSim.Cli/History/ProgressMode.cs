namespace ActorSim.Cli.History;

/// <summary>How a long run reports progress.</summary>
internal enum ProgressMode
{
    /// <summary>A live line on a terminal, plain log lines otherwise.</summary>
    Auto,

    /// <summary>Plain log lines every few seconds.</summary>
    Plain,

    /// <summary>Nothing until the summary.</summary>
    None,
}
