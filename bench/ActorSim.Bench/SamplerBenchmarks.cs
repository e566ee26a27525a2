using ActorSim.Model.Distributions;
using ActorSim.Model.Random;

namespace ActorSim.Bench;

/// <summary>Draws per second of the sampler, per distribution.</summary>
internal static class SamplerBenchmarks
{
    public static BenchResult Draws(string name, DistributionConfig config, int draws) => Measure.Repeat($"sampler {name}", () =>
    {
        var sampler = new Sampler(RandomStream.Create(42, "bench"));
        var sum = 0.0;
        for (var i = 0; i < draws; i++)
        {
            sum += sampler.Sample(config);
        }

        return (draws, $"mean {sum / draws:0.000} (draws counted as events)");
    });
}
