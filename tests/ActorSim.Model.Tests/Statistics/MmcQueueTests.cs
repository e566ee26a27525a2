using ActorSim.Engine;
using ActorSim.Model.Distributions;
using ActorSim.Model.Parameters;
using ActorSim.Model.Random;
using ActorSim.Model.Registry;
using ActorSim.Model.Resources;

namespace ActorSim.Model.Tests.Statistics;

public class MmcQueueTests
{
    private const double Lambda = 2.4;
    private const double Mu = 1.0;
    private const int Servers = 3;

    [Fact]
    public void Erlang_c_should_give_the_textbook_values_for_c3_rho_08()
    {
        var (probabilityOfWaiting, wq, lq) = ErlangC(Lambda, Mu, Servers);

        // a = 2.4, a^3/3! / (1 - 0.8) = 11.52; 1 + 2.4 + 2.88 = 6.28; P = 11.52 / 17.8.
        Assert.Equal(11.52 / 17.8, probabilityOfWaiting, 12);
        Assert.Equal(probabilityOfWaiting / (Servers * Mu - Lambda), wq, 12);
        Assert.Equal(Lambda * wq, lq, 12);
    }

    [Fact]
    public void A_long_m_m_3_run_should_match_erlang_c_within_3_percent_and_obey_littles_law()
    {
        var (_, expectedWq, expectedLq) = ErlangC(Lambda, Mu, Servers);
        var queue = new MeasuredQueue(warmUp: 2_000, end: 1_000_000, seed: 2024);

        queue.Run();

        Assert.InRange(queue.MeanWait, expectedWq * 0.97, expectedWq * 1.03);
        Assert.InRange(queue.MeanQueueLength, expectedLq * 0.97, expectedLq * 1.03);
        Assert.InRange(queue.ArrivalRate, Lambda * 0.99, Lambda * 1.01);

        // Little's law on the measured figures: L = λ W, up to the customers still waiting at the end.
        Assert.InRange(queue.MeanQueueLength, queue.ArrivalRate * queue.MeanWait * 0.995, queue.ArrivalRate * queue.MeanWait * 1.005);
    }

    private static (double ProbabilityOfWaiting, double MeanWait, double MeanQueueLength) ErlangC(double lambda, double mu, int c)
    {
        var a = lambda / mu;
        var rho = a / c;
        double sum = 0, term = 1;
        for (var k = 0; k < c; k++)
        {
            sum += term;
            term *= a / (k + 1);
        }

        var last = term / (1 - rho);
        var p = last / (sum + last);
        var wq = p / (c * mu - lambda);
        return (p, wq, lambda * wq);
    }

    /// <summary>An M/M/3 queue on a <see cref="DynamicResource"/>, measuring waits and the time-average queue length after a warm-up.</summary>
    private sealed class MeasuredQueue
    {
        private readonly Simulation _sim = new();
        private readonly DynamicResource _servers;
        private readonly Sampler _sampler;
        private readonly DistributionConfig _arrival = DistributionConfig.Exponential(Lambda);
        private readonly DistributionConfig _service = DistributionConfig.Exponential(Mu);
        private readonly double _warmUp;
        private readonly double _end;
        private double _waitSum;
        private long _served;
        private long _arrivals;
        private double _area;
        private double _lastChange;

        public MeasuredQueue(double warmUp, double end, ulong seed)
        {
            _warmUp = warmUp;
            _end = end;
            var parameters = new SimParameter("Q");
            parameters.Resources["servers"] = new CapacityConfig(Servers, Servers);
            var registry = new ParameterRegistry(_sim);
            registry.Register(parameters);
            _servers = new DynamicResource(_sim, registry, "Q", "servers");
            _sampler = new Sampler(RandomStream.Create(seed, "mmc"), minDelay: 0);
        }

        public double MeanWait => _waitSum / _served;

        public double MeanQueueLength => _area / (_end - _warmUp);

        public double ArrivalRate => _arrivals / (_end - _warmUp);

        public void Run()
        {
            _sim.Process(Arrivals());
            _sim.Run(_end);
            Accumulate();
        }

        private void Accumulate()
        {
            var now = _sim.Now;
            if (now > _warmUp)
            {
                _area += _servers.QueueLength * (now - Math.Max(_lastChange, _warmUp));
            }

            _lastChange = now;
        }

        private IEnumerable<Event> Arrivals()
        {
            while (true)
            {
                yield return _sim.Timeout(_sampler.Sample(_arrival));
                if (_sim.Now > _warmUp)
                {
                    _arrivals++;
                }

                _sim.Process(Customer());
            }
        }

        private IEnumerable<Event> Customer()
        {
            var arrived = _sim.Now;
            Accumulate();
            using var request = _servers.Request();
            yield return request;
            Accumulate();
            if (arrived > _warmUp)
            {
                _waitSum += _sim.Now - arrived;
                _served++;
            }

            yield return _sim.Timeout(_sampler.Sample(_service));

            // The release below grants the next waiting customer at once: close the interval before the queue shrinks.
            Accumulate();
        }
    }
}
