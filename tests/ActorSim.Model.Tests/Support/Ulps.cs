namespace ActorSim.Model.Tests.Support;

/// <summary>Distance between doubles in units in the last place.</summary>
internal static class Ulps
{
    /// <summary>How many representable doubles lie between a and b; 0 when both are NaN or equal.</summary>
    public static long Distance(double a, double b)
    {
        if (double.IsNaN(a) || double.IsNaN(b))
        {
            return double.IsNaN(a) && double.IsNaN(b) ? 0 : long.MaxValue;
        }

        if (a == b)
        {
            return 0;
        }

        long ia = Ordered(a);
        long ib = Ordered(b);
        return ia > ib ? ia - ib : ib - ia;
    }

    private static long Ordered(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        return bits < 0 ? long.MinValue - bits : bits;
    }
}
