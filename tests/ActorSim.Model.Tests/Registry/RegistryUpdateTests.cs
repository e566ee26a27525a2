using ActorSim.Model.Registry;
using ActorSim.Model.Tests.Support;
using Microsoft.Extensions.Logging;

namespace ActorSim.Model.Tests.Registry;

public class RegistryUpdateTests
{
    [Theory]
    [InlineData("Line_A.resources.lathe.current_cap", "5", 5L)]
    [InlineData("Line_A.resources.lathe.current_cap", 5.0, 5L)]
    [InlineData("Line_A.resources.lathe.current_cap", 6, 6L)]
    [InlineData("Line_A.arrival.standard.rate", 5, 5.0)]
    [InlineData("Line_A.arrival.standard.rate", "2.5", 2.5)]
    [InlineData("Line_A.variables.shift_open", "false", false)]
    [InlineData("Line_A.variables.shift_open", "True", true)]
    [InlineData("Line_A.variables.mode", 7, "7")]
    public void Update_should_convert_a_value_of_another_type_when_safe(string path, object value, object expected)
    {
        var registry = Lines.Registry();

        registry.Update(path, value);

        Assert.Equal(expected, registry.Get(path));
    }

    [Theory]
    [InlineData("Line_A.resources.lathe.current_cap", 2.5, "2.5 is not a whole number")]
    [InlineData("Line_A.resources.lathe.current_cap", "abc", "the text \"abc\" is not a whole number")]
    [InlineData("Line_A.arrival.standard.rate", "fast", "the text \"fast\" is not a number")]
    [InlineData("Line_A.arrival.standard.rate", true, "cannot become a number")]
    [InlineData("Line_A.variables.shift_open", 1, "cannot become true/false")]
    [InlineData("Line_A.variables.shift_open", "yes", "is not true or false")]
    [InlineData("Line_A.variables.speed", double.NaN, "NaN is not a finite number")]
    [InlineData("Line_A.variables.speed", double.PositiveInfinity, "is not a finite number")]
    public void Update_should_refuse_an_unsafe_conversion_naming_path_value_and_rule(string path, object value, string rule)
    {
        var registry = Lines.Registry();
        var before = registry.Get(path);

        var error = Assert.Throws<RegistryException>(() => registry.Update(path, value));

        Assert.Contains($"Update of '{path}' to ", error.Message);
        Assert.Contains(rule, error.Message);
        Assert.Equal(before, registry.Get(path));
    }

    [Theory]
    [InlineData("Line_A.arrival.standard.rate", -1.0)]
    [InlineData("Line_A.service.milling.std", -0.5)]
    [InlineData("Line_A.arrival.standard.rate", double.NaN)]
    [InlineData("Line_A.service.milling.mean", double.NegativeInfinity)]
    public void Update_should_refuse_invalid_distribution_parameters(string path, double value)
    {
        var registry = Lines.Registry();
        var before = registry.Get(path);

        var error = Assert.Throws<RegistryException>(() => registry.Update(path, value));

        Assert.Contains($"Update of '{path}' to {value.ToString(System.Globalization.CultureInfo.InvariantCulture)} refused", error.Message);
        Assert.Equal(before, registry.Get(path));
    }

    [Theory]
    [InlineData("Line_A.resources.lathe.current_cap", 11, "current_cap must lie in [0, max_cap] = [0, 10]")]
    [InlineData("Line_A.resources.lathe.current_cap", -1, "current_cap must lie in [0, max_cap] = [0, 10]")]
    [InlineData("Line_A.resources.lathe.max_cap", 3, "max_cap must not fall below current_cap (4)")]
    [InlineData("Line_A.containers.coolant.current_cap", 100.5, "current_cap must lie in [0, max_cap] = [0, 100]")]
    public void Update_should_refuse_a_capacity_outside_its_bounds(string path, object value, string rule)
    {
        var registry = Lines.Registry();

        var error = Assert.Throws<RegistryException>(() => registry.Update(path, value));

        Assert.Contains(path, error.Message);
        Assert.Contains(rule, error.Message);
    }

    [Fact]
    public void Update_to_an_equal_value_should_do_nothing()
    {
        var registry = Lines.Registry();
        var changes = new List<RegistryChange>();
        registry.Subscribe("Line_A.resources.lathe.current_cap", changes.Add);

        var changed = registry.Update("Line_A.resources.lathe.current_cap", "4");

        Assert.False(changed);
        Assert.Empty(changes);
    }

    [Fact]
    public void Subscribers_should_see_old_and_new_values()
    {
        var registry = Lines.Registry();
        var changes = new List<RegistryChange>();
        registry.Subscribe("Line_A.arrival.standard.rate", changes.Add);

        registry.Update("Line_A.arrival.standard.rate", 3);

        var change = Assert.Single(changes);
        Assert.Equal(("Line_A.arrival.standard.rate", (object)2.0, (object)3.0), (change.Path, change.OldValue, change.NewValue));
    }

    [Fact]
    public void External_update_of_an_unknown_path_should_be_logged_and_ignored()
    {
        var logger = new CapturingLogger();
        var registry = Lines.Registry(logger: logger);

        var outcome = registry.ApplyExternal("Line_A.resources.lathes.current_cap", 5, source: "postgres");

        Assert.Equal(RegistryUpdateOutcome.UnknownPath, outcome);
        var (level, message) = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("postgres", message);
        Assert.Contains("unknown path 'Line_A.resources.lathes.current_cap'", message);
        Assert.Contains("Did you mean 'Line_A.resources.lathe.current_cap'?", message);
    }

    [Fact]
    public void External_refused_update_should_be_logged_and_leave_the_value()
    {
        var logger = new CapturingLogger();
        var registry = Lines.Registry(logger: logger);

        var outcome = registry.ApplyExternal("Line_A.resources.lathe.current_cap", 42, source: "kafka");

        Assert.Equal(RegistryUpdateOutcome.Refused, outcome);
        Assert.Equal(4L, registry.Get("Line_A.resources.lathe.current_cap"));
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Update of 'Line_A.resources.lathe.current_cap' to 42 refused", StringComparison.Ordinal));
    }

    [Fact]
    public void External_update_should_apply_and_report_equal_values()
    {
        var registry = Lines.Registry();

        Assert.Equal(RegistryUpdateOutcome.Applied, registry.ApplyExternal("Line_A.variables.batch", "20"));
        Assert.Equal(RegistryUpdateOutcome.Unchanged, registry.ApplyExternal("Line_A.variables.batch", 20.0));
        Assert.Equal(20L, registry.Get("Line_A.variables.batch"));
    }

    [Fact]
    public void External_update_should_accept_json_values()
    {
        var registry = Lines.Registry();
        using var json = System.Text.Json.JsonDocument.Parse("""{"v": 7}""");

        registry.ApplyExternal("Line_A.resources.lathe.current_cap", json.RootElement.GetProperty("v"));

        Assert.Equal(7L, registry.Get("Line_A.resources.lathe.current_cap"));
    }
}
