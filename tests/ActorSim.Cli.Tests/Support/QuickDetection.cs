namespace ActorSim.Cli.Tests.Support;

/// <summary>Cluster settings for tests that lose a node process.</summary>
internal static class QuickDetection
{
    /// <summary>
    /// A dead node is unreachable within about 5 s and downed 8 s later (the embedded defaults are 10 s and 20 s): quick
    /// enough for a test, slow enough that a test process starved of CPU on a busy 2-core machine is not taken for dead.
    /// </summary>
    public const string Config = """
        akka.cluster.failure-detector {
          heartbeat-interval = 500ms
          acceptable-heartbeat-pause = 4s
        }
        akka.cluster.split-brain-resolver.stable-after = 8s
        """;
}
