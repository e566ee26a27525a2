using ActorSim.Cli.CommandLine;
using ActorSim.Cluster;
using ActorSim.Egress.Storage;

namespace ActorSim.Cli.Node;

/// <summary>Runs <c>actorsim node</c>: starts the node, waits for SIGINT or SIGTERM (or for the cluster to down it), and leaves.</summary>
internal static class NodeJob
{
    /// <summary>How long leaving may take before the node stops regardless.</summary>
    private static readonly TimeSpan LeaveTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(NodeOptions options, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        var settings = new ClusterNodeSettings
        {
            Host = options.Host,
            Port = options.Port,
            SeedNodes = options.SeedNodes,
            Roles = options.Roles,
            ConfigFile = options.Config,
            Parallelism = options.Parallelism,
            LogLevel = options.LogLevel,
            // Forecasts that keep records in S3 reach it with this node's endpoint and keys (S3_ENDPOINT, S3_ACCESS_KEY, ...).
            Stores = location => ObjectStoreLocation.Parse(location).CreateStore(options.S3),
            // SIGINT and SIGTERM are this command's (SignalStop): it leaves through coordinated shutdown itself.
            Overrides = "akka.coordinated-shutdown.run-by-clr-shutdown-hook = off",
        };
        ActorSimNode node;
        try
        {
            settings.ToConfig();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }

        try
        {
            node = ActorSimNode.Start(settings);
        }
#pragma warning disable CA1031 // Remoting that cannot bind (a port in use) throws whatever its transport throws; it is told, exit 1.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            await error.WriteLineAsync($"actorsim: the node could not start: {FailureText(e)}").ConfigureAwait(false);
            return CliApplication.RunFailed;
        }

        var roles = string.Join(",", options.Roles);
        await output.WriteLineAsync(
            $"node {node.Address} [{roles}] started with {node.ReplicationThreads} replication thread(s); " +
            (options.SeedNodes.Count == 0 ? "it starts a cluster of its own" : $"joining {string.Join(", ", options.SeedNodes)}")).ConfigureAwait(false);
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (cancellation.Register(() => stop.TrySetResult()))
        {
            _ = node.WhenUp.ContinueWith(
                t => output.WriteLine($"node {node.Address} is up"), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            if (await Task.WhenAny(stop.Task, node.WhenTerminated).ConfigureAwait(false) == node.WhenTerminated && !cancellation.IsCancellationRequested)
            {
                await error.WriteLineAsync($"actorsim: the node {node.Address} stopped: the cluster removed or downed it (see the log above).").ConfigureAwait(false);
                return CliApplication.RunFailed;
            }
        }

        await output.WriteLineAsync($"node {node.Address} is leaving the cluster").ConfigureAwait(false);
        try
        {
            await node.DisposeAsync().AsTask().WaitAsync(LeaveTimeout, CancellationToken.None).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await error.WriteLineAsync($"actorsim: the node did not finish leaving within {LeaveTimeout.TotalSeconds:0} s; it stops regardless.").ConfigureAwait(false);
        }

        await output.WriteLineAsync($"node {node.Address} left").ConfigureAwait(false);
        return CliApplication.Ok;
    }

    private static string FailureText(Exception e)
    {
        while (e.InnerException is { } inner && e is System.Reflection.TargetInvocationException or AggregateException or Akka.Configuration.ConfigurationException)
        {
            e = inner;
        }

        return e.Message;
    }
}
