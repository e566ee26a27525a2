using ActorSim.Engine;
using ActorSim.Model.Distributions;
using ActorSim.Model.Parameters;
using ActorSim.Model.Registry;

namespace ActorSim.Model.Tests.Support;

/// <summary>Small parameter sets shared by the tests.</summary>
internal static class Lines
{
    /// <summary>Line_A of the reference model, with a variable of each type.</summary>
    public static SimParameter LineA()
    {
        var p = new SimParameter("Line_A");
        p.Arrival["standard"] = DistributionConfig.Exponential(2.0);
        p.Service["milling"] = DistributionConfig.Normal(2.0, 0.2);
        p.Resources["lathe"] = new CapacityConfig(4, 10);
        p.Containers["coolant"] = new CapacityConfig(50.5, 100);
        p.Stores["bin"] = new CapacityConfig(3, 5);
        p.Variables["shift_open"] = true;
        p.Variables["batch"] = 12;
        p.Variables["speed"] = 1.5;
        p.Variables["mode"] = "normal";
        return p;
    }

    public static ParameterRegistry Registry(Simulation? simulation = null, Microsoft.Extensions.Logging.ILogger? logger = null)
    {
        var registry = new ParameterRegistry(simulation, logger);
        registry.Register(LineA());
        return registry;
    }
}
