using Akka.Configuration;

namespace ActorSim.Cluster.Tests;

/// <summary>What a node loads: the embedded cluster-node.conf, a --config file over it, the options over both; errors name the key or file.</summary>
public sealed class ClusterNodeSettingsTests
{
    [Fact]
    public void A_node_runs_keep_majority_and_a_failure_detector_for_busy_cores_by_default()
    {
        var config = new ClusterNodeSettings().ToConfig();

        Assert.Equal("cluster", config.GetString("akka.actor.provider"));
        Assert.Equal("127.0.0.1", config.GetString("akka.remote.dot-netty.tcp.hostname"));
        Assert.Equal("keep-majority", config.GetString("akka.cluster.split-brain-resolver.active-strategy"));
        Assert.Equal(TimeSpan.FromSeconds(10), config.GetTimeSpan("akka.cluster.failure-detector.acceptable-heartbeat-pause"));
        Assert.Equal(["worker"], config.GetStringList("akka.cluster.roles"));
        Assert.Equal(Environment.ProcessorCount, config.GetInt("actorsim.cluster.replication-dispatcher.dedicated-thread-pool.thread-count"));
        Assert.True(config.GetBoolean("akka.coordinated-shutdown.run-by-actor-system-terminate"));
        Assert.Equal(16, ClusterForecastSettings.FromConfig(config).MaxBatch);
    }

    [Fact]
    public void The_options_override_the_file_and_the_file_overrides_the_embedded_configuration()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "akka.remote.dot-netty.tcp.port = 5000\nactorsim.cluster.parallelism = 3\nactorsim.cluster.forecast.max-batch = 4");

            var config = new ClusterNodeSettings { ConfigFile = file, Parallelism = 2, SeedNodes = ["10.0.0.1:4053"], Roles = ["worker", "gpu"] }.ToConfig();

            Assert.Equal(5000, config.GetInt("akka.remote.dot-netty.tcp.port"));
            Assert.Equal(2, config.GetInt("actorsim.cluster.replication-dispatcher.dedicated-thread-pool.thread-count"));
            Assert.Equal(["akka.tcp://actorsim@10.0.0.1:4053"], config.GetStringList("akka.cluster.seed-nodes"));
            Assert.Equal(["worker", "gpu"], config.GetStringList("akka.cluster.roles"));
            Assert.Equal(4, ClusterForecastSettings.FromConfig(config).MaxBatch);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void The_three_node_example_names_its_seeds()
    {
        var example = Path.Combine(RepositoryRoot(), "cluster-config", "three-nodes.conf");

        var config = new ClusterNodeSettings { ConfigFile = example }.ToConfig();

        Assert.Equal(3, config.GetStringList("akka.cluster.seed-nodes").Count);
        Assert.Equal(4053, config.GetInt("akka.remote.dot-netty.tcp.port"));
    }

    [Theory]
    [InlineData("localhost", "must be host:port")]
    [InlineData("localhost:0", "must be host:port")]
    public void A_bad_seed_is_refused_saying_the_form(string seed, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => new ClusterNodeSettings { SeedNodes = [seed] }.ToConfig());

        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void A_bad_value_in_a_file_names_the_file_and_the_key()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "actorsim.actors.grants = sometimes");

            var e = Assert.Throws<ArgumentException>(() => new ClusterNodeSettings { ConfigFile = file }.ToConfig());

            Assert.Contains(file, e.Message);
            Assert.Contains("actorsim.actors.grants", e.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_batch_size_below_one_is_refused_naming_the_key()
    {
        var config = ConfigurationFactory.ParseString("actorsim.cluster.forecast.max-batch = 0").WithFallback(ClusterNodeSettings.NodeReference);

        var e = Assert.Throws<ArgumentException>(() => ClusterForecastSettings.FromConfig(config));

        Assert.Contains("actorsim.cluster.forecast.max-batch", e.Message);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ActorSim.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ActorSim.sln not found above the test's folder.");
    }
}
