using ActorSim.Actors;

namespace ActorSim.Cli.History;

/// <summary>The process's one actor host for <c>actorsim history</c>.</summary>
internal static class ActorHost
{
    /// <summary>
    /// Starts the process's actor host at once, on another core, so that Akka's start overlaps resolving the run,
    /// opening the sinks and building the plant: the <c>--config</c> file's settings (else the embedded ones) with the
    /// line threads and log level of the command line. A single line gets one line thread: it never runs on two, and
    /// an idle second thread cost a fresh week to Parquet about 0.1 s.
    /// </summary>
    public static ActorSimHost Start(HistoryOptions options, bool plant)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ActorSimHost.Start((options.ActorSettings ?? ActorRunnerSettings.Default) with { Parallelism = plant ? options.Parallelism : 1, LogLevel = options.LogLevel });
    }
}
