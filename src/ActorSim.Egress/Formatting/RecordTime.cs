using System.Runtime.CompilerServices;
namespace ActorSim.Egress.Formatting;

/// <summary>
/// How a record's times are written: <c>sim_ts</c> is the simulated time rounded to milliseconds
/// (<see cref="Math.Round(double, int, MidpointRounding)"/> with <see cref="MidpointRounding.ToEven"/>, which agrees with
/// Python's <c>round(now, 3)</c> except on rare binary-representation ties), and <c>timestamp</c> is the logical start
/// plus <c>sim_ts</c>, exact to the millisecond.
/// </summary>
public static class RecordTime
{
    /// <summary>The record's <c>sim_ts</c>: simulated seconds rounded to milliseconds.</summary>
    public static double SimTs(double simTime) => Math.Round(simTime, 3, MidpointRounding.ToEven);

    /// <summary><c>sim_ts</c> in whole milliseconds.</summary>
    /// <remarks>
    /// Below 10^12 s this is one rounding of <c>simTime * 1000</c>: that is what <see cref="SimTs"/> rounds before it
    /// divides by 1000, and multiplying back lands within a quarter of that whole number, so the second rounding returns it.
    /// </remarks>
    [MethodImpl(HotPath.Options)]
    public static long SimMilliseconds(double simTime) => Math.Abs(simTime) < 1e12
        ? (long)Math.Round(simTime * 1000.0, MidpointRounding.ToEven)
        : (long)Math.Round(SimTs(simTime) * 1000.0, MidpointRounding.ToEven);

    /// <summary>The record's <c>timestamp</c>: <paramref name="logicalStart"/> + <c>sim_ts</c>, keeping the start's kind.</summary>
    public static DateTime Timestamp(DateTime logicalStart, double simTime) =>
        logicalStart.AddTicks(SimMilliseconds(simTime) * TimeSpan.TicksPerMillisecond);
}
