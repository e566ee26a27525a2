using ActorSim.Blueprints.Tests.Support;

namespace ActorSim.Blueprints.Tests;

public class SimulationSectionTests
{
    private static SimulationSettings Settings(string simulation, DateTimeOffset? now = null) =>
        Yaml.Load($"simulation: {simulation}", now: now).Simulation;

    [Fact]
    public void Simulation_should_default_seed_factor_start_and_duration()
    {
        Assert.Equal(new SimulationSettings("L", 42, null, null, 0), Settings("{sim_id: L}"));
    }

    [Fact]
    public void Simulation_should_read_go_live_at_in_the_forms_of_start()
    {
        var now = new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTime(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc), Settings("{sim_id: L, factor: 1, go_live_at: now}", now).GoLiveAt);
        Assert.Equal(new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Unspecified), Settings("{sim_id: L, factor: 1, go_live_at: \"2026-01-02T00:00:00\"}").GoLiveAt);
        Assert.Null(Settings("{sim_id: L}").GoLiveAt);
        var e = Assert.Throws<BlueprintException>(() => Settings("{sim_id: L, go_live_at: whenever}"));
        Assert.Contains("simulation.go_live_at", e.Message);
    }

    [Fact]
    public void Simulation_should_read_seed_factor_and_duration()
    {
        var settings = Settings("{sim_id: L, seed: 18446744073709551615, factor: 2.5, duration: PT8H}");

        Assert.Equal((ulong.MaxValue, 2.5, 28800.0), (settings.Seed, settings.Factor, settings.DurationSeconds!.Value));
    }

    [Theory]
    [InlineData("\"2026-01-01T00:00:00\"", "2026-01-01T00:00:00.0000000", DateTimeKind.Unspecified)]
    [InlineData("2026-01-01T06:30", "2026-01-01T06:30:00.0000000", DateTimeKind.Unspecified)]
    [InlineData("2026-01-01", "2026-01-01T00:00:00.0000000", DateTimeKind.Unspecified)]
    [InlineData("2026-01-01T00:00:00.250", "2026-01-01T00:00:00.2500000", DateTimeKind.Unspecified)]
    [InlineData("2026-01-01T00:00:00Z", "2026-01-01T00:00:00.0000000Z", DateTimeKind.Utc)]
    [InlineData("2026-01-01T02:00:00+02:00", "2026-01-01T00:00:00.0000000Z", DateTimeKind.Utc)]
    [InlineData("now", "2026-03-10T12:00:00.0000000Z", DateTimeKind.Utc)]
    [InlineData("now-7d", "2026-03-03T12:00:00.0000000Z", DateTimeKind.Utc)]
    [InlineData("now - 7 days", "2026-03-03T12:00:00.0000000Z", DateTimeKind.Utc)]
    [InlineData("-10m", "2026-03-10T11:50:00.0000000Z", DateTimeKind.Utc)]
    [InlineData("now+PT1H", "2026-03-10T13:00:00.0000000Z", DateTimeKind.Utc)]
    public void Start_should_accept_ISO_times_and_clock_relative_times(string start, string expected, DateTimeKind kind)
    {
        var now = new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

        var actual = Settings($"{{sim_id: L, start: {start}}}", now).Start!.Value;

        Assert.Equal((expected, kind), (actual.ToString("O"), actual.Kind));
    }

    [Theory]
    [InlineData("{sim_id: L, start: yesterday}", 20, "simulation.start", "'yesterday' is not a start time", "now-7d")]
    [InlineData("{sim_id: L, start: 01/02/2026}", 20, "simulation.start", "is not a start time")]
    [InlineData("{sim_id: L, seed: -1}", 19, "simulation.seed", "expected a whole number from 0 to 18446744073709551615, got '-1'")]
    [InlineData("{sim_id: L, seed: 4.2}", 19, "simulation.seed", "got '4.2'")]
    [InlineData("{sim_id: L, factor: -1}", 21, "simulation.factor", "expected 0 (as fast as possible) or a positive number of wall seconds per simulated second")]
    [InlineData("{sim_id: L, duration: 1 fortnight}", 23, "simulation.duration", "'1 fortnight' is not a duration", "1 week")]
    [InlineData("{sim_id: L, duration: -5}", 23, "simulation.duration", "'-5' is not a duration")]
    public void Simulation_should_refuse_bad_values_at_their_column(string simulation, int column, string keyPath, params string[] fragments)
    {
        var error = Yaml.Error($"simulation: {simulation}");

        Yaml.AssertAt(error, 1, "simulation: ".Length + column, keyPath, fragments);
    }
}
