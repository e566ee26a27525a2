using ActorSim.Egress.Tests.Support;

namespace ActorSim.Cli.Tests.Support;

/// <summary>Ports for two node processes on loopback.</summary>
internal static class NodePorts
{
    /// <summary>
    /// Two free ports, the lower first (both have five digits, so their addresses sort as their numbers do): the seed
    /// takes the lower. Lines are spread over workers in order of address, and after a one-to-one split the split
    /// brain resolver keeps the lower address, so a test that loses the other node knows what the seed hosted and that
    /// it stays up.
    /// </summary>
    public static (int Seed, int Other) Two()
    {
        while (true)
        {
            var (a, b) = (MotoServerFixture.FreePort(), MotoServerFixture.FreePort());
            if (a != b && a >= 10_000 && b >= 10_000)
            {
                return (Math.Min(a, b), Math.Max(a, b));
            }
        }
    }
}
