using Akka.Configuration;

namespace ActorSim.Actors.Tests.Settings;

/// <summary>Keys of <c>cluster-config/actorsim.conf</c>: defaults, parsing, the HOCON they give, errors naming the key.</summary>
public sealed class ActorRunnerSettingsTests
{
    [Fact]
    public void Defaults_should_log_to_the_console_at_info_and_warn_about_sinks_blocking_over_a_second()
    {
        var settings = ActorRunnerSettings.Default;

        Assert.Equal((ActorLogger.Console, "INFO", TimeSpan.FromSeconds(1)), (settings.Logger, settings.LogLevel, settings.SlowSinkWarning));
        Assert.DoesNotContain(settings.ToConfig().GetStringList("akka.loggers"), l => l.Contains("Serilog", StringComparison.Ordinal));
    }

    [Fact]
    public void Logger_serilog_should_put_the_serilog_adapter_in_akka_loggers_and_keep_the_level()
    {
        var settings = ActorRunnerSettings.FromConfig(ConfigurationFactory.ParseString("""
            actorsim.actors { logger = serilog, log-level = DEBUG, slow-sink-warning = 250ms }
            """));

        var config = settings.ToConfig();

        Assert.Equal((ActorLogger.Serilog, TimeSpan.FromMilliseconds(250)), (settings.Logger, settings.SlowSinkWarning));
        Assert.Equal(["Akka.Logger.Serilog.SerilogLogger, Akka.Logger.Serilog"], config.GetStringList("akka.loggers"));
        Assert.Equal("DEBUG", config.GetString("akka.loglevel"));
    }

    [Fact]
    public void Grants_should_be_eager_by_default_and_rounds_on_request()
    {
        Assert.Equal(GrantMode.Eager, ActorRunnerSettings.Default.Grants);
        Assert.Equal(GrantMode.Rounds, ActorRunnerSettings.FromConfig(ConfigurationFactory.ParseString("actorsim.actors.grants = rounds")).Grants);
    }

    [Fact]
    public void Direct_items_should_be_on_by_default_and_off_on_request()
    {
        Assert.True(ActorRunnerSettings.Default.DirectItems);
        Assert.False(ActorRunnerSettings.FromConfig(ConfigurationFactory.ParseString("actorsim.actors.direct-items = off")).DirectItems);
    }

    [Fact]
    public void Line_turn_should_default_to_ten_milliseconds_and_take_zero()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(10), ActorRunnerSettings.Default.LineTurn);
        Assert.Equal(TimeSpan.Zero, ActorRunnerSettings.FromConfig(ConfigurationFactory.ParseString("actorsim.actors.line-turn = 0")).LineTurn);
    }

    [Theory]
    [InlineData("line-turn = -5ms", "actorsim.actors.line-turn", "10ms")]
    [InlineData("grants = lazy", "actorsim.actors.grants", "eager")]
    [InlineData("logger = syslog", "actorsim.actors.logger", "console")]
    [InlineData("log-level = LOUD", "actorsim.actors.log-level", "WARNING")]
    [InlineData("slow-sink-warning = -1s", "actorsim.actors.slow-sink-warning", "1s")]
    public void Bad_monitoring_settings_should_be_refused_naming_the_key_and_what_it_takes(string line, string key, string hint)
    {
        var error = Assert.Throws<ArgumentException>(() => ActorRunnerSettings.FromConfig(ConfigurationFactory.ParseString("actorsim.actors." + line)));

        Assert.StartsWith(key + " ", error.Message, StringComparison.Ordinal);
        Assert.Contains(hint, error.Message, StringComparison.Ordinal);
    }
}
