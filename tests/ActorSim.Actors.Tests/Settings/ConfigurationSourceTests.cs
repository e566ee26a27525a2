using Akka.Configuration;

namespace ActorSim.Actors.Tests.Settings;

/// <summary>cluster-config/actorsim.conf is the one configuration: embedded as the reference, and a file given with --config lays over it.</summary>
public sealed class ConfigurationSourceTests
{
    [Fact]
    public void Reference_should_be_the_repository_file_cluster_config_actorsim_conf()
    {
        var file = ConfigurationFactory.ParseString(File.ReadAllText(Path.Combine(RepositoryRoot(), "cluster-config", "actorsim.conf")));

        Assert.Equal(file.GetConfig("actorsim.actors").ToString(), ActorRunnerSettings.Reference.GetConfig("actorsim.actors").ToString());
        Assert.Equal(ActorRunnerSettings.FromConfig(file) with { Source = ActorRunnerSettings.Reference }, ActorRunnerSettings.Default);
    }

    [Fact]
    public void A_config_file_should_change_only_the_keys_it_sets_and_reach_the_actor_system()
    {
        var path = Path.Combine(Path.GetTempPath(), $"actorsim-{Guid.NewGuid():N}.conf");
        File.WriteAllText(path, """
            actorsim.actors { parallelism = 3, grants = rounds }
            akka.scheduler.tick-duration = 20ms
            """);
        try
        {
            var settings = ActorRunnerSettings.FromFile(path);
            var config = settings.ToConfig();

            Assert.Equal((3, GrantMode.Rounds), (settings.Parallelism, settings.Grants));
            Assert.Equal(ActorRunnerSettings.Default.LineReportTimeout, settings.LineReportTimeout);
            Assert.Equal(TimeSpan.FromMilliseconds(20), config.GetTimeSpan("akka.scheduler.tick-duration"));
            Assert.Equal(3, config.GetInt("actorsim.actors.line-dispatcher.dedicated-thread-pool.thread-count"));
            Assert.Equal("PinnedDispatcher", config.GetString("actorsim.actors.coordinator-dispatcher.type"));
            Assert.False(settings.StartsTheSameSystemAs(ActorRunnerSettings.Default with { Parallelism = 3 }));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_config_file_should_be_refused_naming_it()
    {
        var error = Assert.Throws<ArgumentException>(() => ActorRunnerSettings.FromFile("/nonexistent/actorsim-node.conf"));

        Assert.Contains("'/nonexistent/actorsim-node.conf' cannot be read", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("actorsim.actors.parallelism = ${threads}", "is not valid HOCON")]
    [InlineData("actorsim.actors.parallelism = [1, 2]", "actorsim.actors.parallelism must be a whole number")]
    [InlineData("actorsim.actors.grants = lazy", "actorsim.actors.grants must be eager")]
    [InlineData("actorsim.actors.parallelism = many", "actorsim.actors.parallelism must be a whole number of threads, 0 for one per core; got 'many'")]
    [InlineData("actorsim.actors.progress-interval = often", "actorsim.actors.progress-interval must be a number")]
    public void A_bad_config_file_should_be_refused_naming_the_file_and_the_fault(string text, string fault)
    {
        var path = Path.Combine(Path.GetTempPath(), $"actorsim-{Guid.NewGuid():N}.conf");
        File.WriteAllText(path, text);
        try
        {
            var error = Assert.Throws<ArgumentException>(() => ActorRunnerSettings.FromFile(path));

            Assert.Contains($"'{path}'", error.Message, StringComparison.Ordinal);
            Assert.True(error.Message.Contains(fault, StringComparison.Ordinal), error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ActorSim.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ActorSim.sln not found above the test binaries.");
    }
}
