using Akka.Configuration;

namespace ActorSim.Cluster;

/// <summary>The client side of a forecast on the cluster, from <c>actorsim.cluster.forecast</c> (see <c>cluster-config/cluster-node.conf</c>).</summary>
public sealed record ClusterForecastSettings
{
    /// <summary>Bytes per chunk of the job definition.</summary>
    public int ChunkSize { get; init; } = 256 * 1024;

    /// <summary>The most replication indices in one batch.</summary>
    public int MaxBatch { get; init; } = 16;

    /// <summary>A batch without a result for this long goes back to the queue.</summary>
    public TimeSpan LeaseTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>The forecast fails when no worker has offered cores for this long.</summary>
    public TimeSpan WorkerWait { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The client logs the open range's progress (kept, queued, per node held and done) this often.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Reads <c>actorsim.cluster.forecast</c>; a bad value throws an <see cref="ArgumentException"/> naming the key.</summary>
    public static ClusterForecastSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var c = config.GetConfig("actorsim.cluster.forecast") ?? throw new ArgumentException("The configuration has no actorsim.cluster.forecast section (cluster-config/cluster-node.conf).");
        var settings = new ClusterForecastSettings
        {
            ChunkSize = (int)Math.Min(int.MaxValue, c.GetByteSize("chunk-size") ?? 0),
            MaxBatch = c.GetInt("max-batch"),
            LeaseTimeout = c.GetTimeSpan("lease-timeout"),
            WorkerWait = c.GetTimeSpan("worker-wait"),
            ProgressInterval = c.GetTimeSpan("progress-interval"),
        };
        Check(settings.ChunkSize is >= 1024 and <= 512 * 1024, "chunk-size", $"must be 1 KiB to 512 KiB (below the frame size); got {settings.ChunkSize} bytes");
        Check(settings.MaxBatch >= 1, "max-batch", $"must be at least 1; got {settings.MaxBatch}");
        Check(settings.LeaseTimeout > TimeSpan.Zero, "lease-timeout", $"must be a positive duration such as 120s; got {settings.LeaseTimeout}");
        Check(settings.ProgressInterval > TimeSpan.Zero, "progress-interval", $"must be a positive duration such as 5s; got {settings.ProgressInterval}");
        Check(settings.WorkerWait > TimeSpan.Zero, "worker-wait", $"must be a positive duration such as 60s; got {settings.WorkerWait}");
        return settings;
    }

    private static void Check(bool ok, string key, string message)
    {
        if (!ok)
        {
            throw new ArgumentException($"actorsim.cluster.forecast.{key} {message}.", key);
        }
    }
}
