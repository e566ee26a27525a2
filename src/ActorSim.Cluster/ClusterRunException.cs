namespace ActorSim.Cluster;

/// <summary>A plant run on the cluster that cannot start or go on: no worker came, a node refused the run, or a node hosting lines was lost.</summary>
public sealed class ClusterRunException : Exception
{
    /// <summary>A failure with its message.</summary>
    public ClusterRunException(string message)
        : base(message)
    {
    }

    /// <summary>A failure with its message and cause.</summary>
    public ClusterRunException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A failure without a message (for serializers).</summary>
    public ClusterRunException()
    {
    }
}
