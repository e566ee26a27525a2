using ActorSim.Cli.CommandLine;
using ActorSim.Cluster;

namespace ActorSim.Cli.Node;

/// <summary>
/// This process as a cluster's client node (role client: it holds a job, runs no replications and hosts no lines), for
/// <c>forecast --cluster</c> and <c>history --cluster</c>: joined through the seeds, left within a few seconds at the end.
/// </summary>
internal static class ClientNode
{
    /// <summary>
    /// Leaving waits at most a few seconds (a member that died and is not downed yet keeps the cluster from converging);
    /// SIGINT and SIGTERM are the command's (SignalStop), which stops the job and then leaves.
    /// </summary>
    private const string ClientOverrides = """
        akka.coordinated-shutdown.phases.cluster-leave.timeout = 3s
        akka.coordinated-shutdown.phases.cluster-exiting.timeout = 3s
        akka.coordinated-shutdown.run-by-clr-shutdown-hook = off
        """;

    /// <summary>Joins the cluster at <paramref name="seeds"/> from <paramref name="host"/> (any free port), with <paramref name="configFile"/> over the embedded configuration (<c>--cluster-config</c>).</summary>
    public static ActorSimNode Join(IReadOnlyList<string> seeds, string? host, string? configFile, string logLevel = "WARNING")
    {
        var settings = new ClusterNodeSettings
        {
            ConfigFile = configFile,
            Host = host,
            Port = 0,
            SeedNodes = seeds,
            Roles = [ClusterNodeSettings.ClientRole],
            LogLevel = logLevel,
            Overrides = ClientOverrides,
        };
        try
        {
            settings.ToConfig();
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--cluster-config: {e.Message}");
        }

        return ActorSimNode.Start(settings);
    }

    /// <summary>Leaves the cluster, waiting at most 15 s: the results are written; a client that cannot leave in time is stopped with the process.</summary>
    public static async Task LeaveAsync(ActorSimNode node)
    {
        try
        {
            await node.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Stopped with the process.
        }
    }
}
