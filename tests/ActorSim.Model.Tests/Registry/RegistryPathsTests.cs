using ActorSim.Model.Distributions;
using ActorSim.Model.Parameters;
using ActorSim.Model.Registry;
using ActorSim.Model.Tests.Support;

namespace ActorSim.Model.Tests.Registry;

public class RegistryPathsTests
{
    [Fact]
    public void Register_should_flatten_every_section_into_typed_dot_paths()
    {
        var registry = Lines.Registry();

        Assert.Equal(2.0, registry.Get("Line_A.arrival.standard.rate"));
        Assert.Equal(2.0, registry.Get("Line_A.service.milling.mean"));
        Assert.Equal(0.2, registry.Get("Line_A.service.milling.std"));
        Assert.Equal(4L, registry.Get("Line_A.resources.lathe.current_cap"));
        Assert.Equal(10L, registry.Get("Line_A.resources.lathe.max_cap"));
        Assert.Equal(50.5, registry.Get("Line_A.containers.coolant.current_cap"));
        Assert.Equal(3L, registry.Get("Line_A.stores.bin.current_cap"));
        Assert.Equal(true, registry.Get("Line_A.variables.shift_open"));
        Assert.Equal(12L, registry.Get("Line_A.variables.batch"));
        Assert.Equal(1.5, registry.Get("Line_A.variables.speed"));
        Assert.Equal("normal", registry.Get("Line_A.variables.mode"));
        Assert.Equal(ParameterType.Int, registry.TypeOf("Line_A.resources.lathe.current_cap"));
        Assert.Equal(ParameterType.Double, registry.TypeOf("Line_A.containers.coolant.current_cap"));
        Assert.Equal(ParameterType.Bool, registry.TypeOf("Line_A.variables.shift_open"));
        Assert.Equal(ParameterType.String, registry.TypeOf("Line_A.variables.mode"));
    }

    [Fact]
    public void GetConfig_should_return_the_live_objects_under_a_prefix()
    {
        var registry = Lines.Registry();

        var service = registry.GetDistribution("Line_A.service.milling");
        registry.Update("Line_A.service.milling.mean", 3.0);

        Assert.Equal(3.0, service.Get("mean"));
        Assert.Same(service, registry.GetConfig("Line_A.service.milling"));
        Assert.Equal(4, registry.GetCapacity("Line_A.resources.lathe").CurrentCap);
    }

    [Fact]
    public void Unknown_path_should_throw_naming_it_and_the_closest_known_path()
    {
        var registry = Lines.Registry();

        var error = Assert.Throws<RegistryException>(() => registry.Update("Line_A.arrival.standrd.rate", 3.0));

        Assert.Equal("Line_A.arrival.standrd.rate", error.Path);
        Assert.Contains("Unknown registry path 'Line_A.arrival.standrd.rate'", error.Message);
        Assert.Contains("Did you mean 'Line_A.arrival.standard.rate'?", error.Message);
    }

    [Fact]
    public void Registering_a_path_twice_should_be_an_error()
    {
        var registry = Lines.Registry();

        var error = Assert.Throws<ArgumentException>(() => registry.Register(Lines.LineA()));

        Assert.Contains("Line_A.arrival.standard", error.Message);
        Assert.Contains("twice", error.Message);
    }

    [Fact]
    public void A_name_with_a_dot_should_be_refused_because_dots_separate_segments()
    {
        var p = new SimParameter("Line_A");
        p.Resources["la.the"] = new CapacityConfig(1, 1);

        var error = Assert.Throws<ArgumentException>(() => new ParameterRegistry().Register(p));

        Assert.Contains("'la.the'", error.Message);
    }

    [Fact]
    public void Resources_should_need_whole_capacities()
    {
        var p = new SimParameter("Line_A");
        p.Resources["lathe"] = new CapacityConfig(1.5, 3);

        var error = Assert.Throws<ArgumentException>(() => new ParameterRegistry().Register(p));

        Assert.Contains("Line_A.resources.lathe", error.Message);
        Assert.Contains("whole", error.Message);
    }

    [Fact]
    public void CapacityConfig_should_refuse_a_current_cap_above_max_cap()
    {
        var error = Assert.Throws<ArgumentException>(() => new CapacityConfig(11, 10));

        Assert.Contains("current_cap=11", error.Message);
        Assert.Contains("[0, max_cap] = [0, 10]", error.Message);
    }

    [Fact]
    public void Distribution_parameters_should_be_registered_per_distribution_kind()
    {
        var p = new SimParameter("L");
        p.Arrival["a"] = DistributionConfig.Exponential(1);
        p.Service["s"] = DistributionConfig.Normal(1, 0.1);
        var registry = new ParameterRegistry();
        registry.Register(p);

        Assert.Equal(["L.arrival.a.rate", "L.service.s.mean", "L.service.s.std"], registry.Paths.Order(StringComparer.Ordinal));
    }
}
