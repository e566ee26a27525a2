namespace ActorSim.Cluster;

/// <summary>A forecast on the cluster that cannot complete: a node refused the job, a replication failed, two nodes disagreed on an outcome, or no worker came.</summary>
public sealed class ClusterForecastException : Exception
{
    /// <summary>A failure with its message.</summary>
    public ClusterForecastException(string message)
        : base(message)
    {
    }

    /// <summary>A failure with its message and cause.</summary>
    public ClusterForecastException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A failure without a message (for serializers).</summary>
    public ClusterForecastException()
    {
    }
}
