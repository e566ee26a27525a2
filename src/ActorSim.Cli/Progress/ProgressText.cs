using System.Globalization;

namespace ActorSim.Cli.Progress;

/// <summary>Formats progress figures the same way for the live line and for log lines.</summary>
internal static class ProgressText
{
    public static string Format(double simulated, double total, long records, TimeSpan elapsed)
    {
        var fraction = total > 0 ? Math.Clamp(simulated / total, 0, 1) : 1;
        var rate = elapsed.TotalSeconds > 0 ? records / elapsed.TotalSeconds : 0;
        var eta = fraction > 0 ? elapsed.TotalSeconds * (1 - fraction) / fraction : double.NaN;
        return string.Create(CultureInfo.InvariantCulture,
            $"{fraction * 100,5:0.0}%  simulated {SimulatedTime(simulated)} of {SimulatedTime(total)}  {records:N0} records  {rate / 1e6:0.00} M records/s  ETA {(double.IsNaN(eta) ? "?" : $"{eta:0.0} s")}");
    }

    public static string SimulatedTime(double seconds)
    {
        var span = TimeSpan.FromSeconds(seconds);
        return span.TotalDays >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays}d {span.Hours:00}h{span.Minutes:00}m")
            : span.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
    }
}
