using System.Runtime.CompilerServices;
namespace ActorSim.Model.Random;

/// <summary>
/// Natural logarithm and exponential ported from fdlibm 5.3 (<c>e_log.c</c>, <c>e_exp.c</c>), written with
/// IEEE-754 <c>+ - * /</c> and bit manipulation only, so results are bit-identical on every platform and
/// .NET version. <see cref="Math.Log(double)"/> and <see cref="Math.Exp"/> come from the platform C library
/// and may differ in the last bit between machines, which would make seeded runs diverge.
/// Both functions are accurate to less than one ulp.
/// </summary>
public static class DeterministicMath
{
    // e_log.c constants (hex words from fdlibm in the comments).
    private const double Ln2Hi = 6.93147180369123816490e-01; // 3fe62e42 fee00000
    private const double Ln2Lo = 1.90821492927058770002e-10; // 3dea39ef 35793c76
    private const double Two54 = 1.80143985094819840000e+16; // 43500000 00000000
    private const double Lg1 = 6.666666666666735130e-01; // 3FE55555 55555593
    private const double Lg2 = 3.999999999940941908e-01; // 3FD99999 9997FA04
    private const double Lg3 = 2.857142874366239149e-01; // 3FD24924 94229359
    private const double Lg4 = 2.222219843214978396e-01; // 3FCC71C5 1D8E78AF
    private const double Lg5 = 1.818357216161805012e-01; // 3FC74664 96CB03DE
    private const double Lg6 = 1.531383769920937332e-01; // 3FC39A09 D078C69F
    private const double Lg7 = 1.479819860511658591e-01; // 3FC2F112 DF3E5244

    // e_exp.c constants.
    private const double Huge = 1.0e+300;
    private const double TwoM1000 = 9.33263618503218878990e-302; // 01700000 00000000
    private const double OThreshold = 7.09782712893383973096e+02; // 40862E42 FEFA39EF
    private const double UThreshold = -7.45133219101941108420e+02; // c0874910 D52D3051
    private const double InvLn2 = 1.44269504088896338700e+00; // 3ff71547 652b82fe
    private const double P1 = 1.66666666666666019037e-01; // 3FC55555 5555553E
    private const double P2 = -2.77777777770155933842e-03; // BF66C16C 16BEBD93
    private const double P3 = 6.61375632143793436117e-05; // 3F11566A AF25DE2C
    private const double P4 = -1.65339022054652515390e-06; // BEBBBD41 C5D26BF1
    private const double P5 = 4.13813679705723846039e-08; // 3E663769 72BEA4D0

    /// <summary>The natural logarithm of <paramref name="x"/> (fdlibm <c>__ieee754_log</c>).</summary>
    [MethodImpl(HotPath.Options)]
    public static double Log(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        int hx = (int)(bits >> 32);
        uint lx = (uint)bits;
        int k = 0;
        if (hx < 0x00100000)
        {
            // x < 2**-1022: zero, negative or subnormal.
            if (((hx & 0x7fffffff) | (int)lx) == 0)
            {
                return double.NegativeInfinity;
            }

            if (hx < 0)
            {
                return double.NaN;
            }

            k -= 54;
            x *= Two54;
            hx = (int)(BitConverter.DoubleToInt64Bits(x) >> 32);
        }

        if (hx >= 0x7ff00000)
        {
            return x + x;
        }

        k += (hx >> 20) - 1023;
        hx &= 0x000fffff;
        int i = (hx + 0x95f64) & 0x100000;
        x = WithHighWord(x, hx | (i ^ 0x3ff00000)); // normalize x or x/2
        k += i >> 20;
        double f = x - 1.0;
        double dk;
        double r;
        if ((0x000fffff & (2 + hx)) < 3)
        {
            // |f| < 2**-20
            if (f == 0.0)
            {
                if (k == 0)
                {
                    return 0.0;
                }

                dk = k;
                return dk * Ln2Hi + dk * Ln2Lo;
            }

            r = f * f * (0.5 - 0.33333333333333333 * f);
            if (k == 0)
            {
                return f - r;
            }

            dk = k;
            return dk * Ln2Hi - ((r - dk * Ln2Lo) - f);
        }

        double s = f / (2.0 + f);
        dk = k;
        double z = s * s;
        i = hx - 0x6147a;
        double w = z * z;
        int j = 0x6b851 - hx;
        double t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
        double t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
        i |= j;
        r = t2 + t1;
        if (i > 0)
        {
            double hfsq = 0.5 * f * f;
            if (k == 0)
            {
                return f - (hfsq - s * (hfsq + r));
            }

            return dk * Ln2Hi - ((hfsq - (s * (hfsq + r) + dk * Ln2Lo)) - f);
        }

        if (k == 0)
        {
            return f - s * (f - r);
        }

        return dk * Ln2Hi - ((s * (f - r) - dk * Ln2Lo) - f);
    }

    /// <summary>e raised to <paramref name="x"/> (fdlibm <c>__ieee754_exp</c>).</summary>
    public static double Exp(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        uint hx = (uint)(bits >> 32);
        int xsb = (int)((hx >> 31) & 1);
        hx &= 0x7fffffff;

        // Filter out non-finite and out-of-range arguments.
        if (hx >= 0x40862E42)
        {
            if (hx >= 0x7ff00000)
            {
                if (((hx & 0xfffff) | (uint)bits) != 0)
                {
                    return x + x; // NaN
                }

                return xsb == 0 ? x : 0.0; // exp(+-inf) = {inf, 0}
            }

            if (x > OThreshold)
            {
                return double.PositiveInfinity;
            }

            if (x < UThreshold)
            {
                return 0.0;
            }
        }

        double hi = 0.0;
        double lo = 0.0;
        int k;
        if (hx > 0x3fd62e42)
        {
            // |x| > 0.5 ln2
            if (hx < 0x3FF0A2B2)
            {
                // and |x| < 1.5 ln2
                hi = xsb == 0 ? x - Ln2Hi : x + Ln2Hi;
                lo = xsb == 0 ? Ln2Lo : -Ln2Lo;
                k = 1 - xsb - xsb;
            }
            else
            {
                k = (int)(InvLn2 * x + (xsb == 0 ? 0.5 : -0.5));
                double t = k;
                hi = x - t * Ln2Hi; // t*Ln2Hi is exact here
                lo = t * Ln2Lo;
            }

            x = hi - lo;
        }
        else if (hx < 0x3e300000)
        {
            // |x| < 2**-28
            return 1.0 + x;
        }
        else
        {
            k = 0;
        }

        // x is now in the primary range.
        double tt = x * x;
        double c = x - tt * (P1 + tt * (P2 + tt * (P3 + tt * (P4 + tt * P5))));
        if (k == 0)
        {
            return 1.0 - ((x * c) / (c - 2.0) - x);
        }

        double y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);
        if (k >= -1021)
        {
            return AddToHighWord(y, k << 20);
        }

        return AddToHighWord(y, (k + 1000) << 20) * TwoM1000;
    }

    private static double WithHighWord(double x, int high)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        return BitConverter.Int64BitsToDouble(((long)high << 32) | (bits & 0xffffffffL));
    }

    private static double AddToHighWord(double x, int delta)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        int high = (int)(bits >> 32) + delta;
        return BitConverter.Int64BitsToDouble(((long)high << 32) | (bits & 0xffffffffL));
    }
}
