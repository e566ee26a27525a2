using System.Globalization;

namespace ActorSim.Cli.Progress;

/// <summary>Formats progress figures the same way for the live bar and for log lines.</summary>
internal static class ProgressText
{
    /// <summary>The whole log line after <c>progress</c>: the share done, then <see cref="Figures"/>.</summary>
    public static string Format(double simulated, double total, long records, TimeSpan elapsed) =>
        string.Create(CultureInfo.InvariantCulture, $"{Fraction(simulated, total) * 100,5:0.0}%  {Figures(simulated, total, records, elapsed)}");

    /// <summary>Simulated time reached, records written, their rate and the time left at that rate.</summary>
    public static string Figures(double simulated, double total, long records, TimeSpan elapsed) =>
        string.Create(CultureInfo.InvariantCulture,
            $"simulated {SimulatedTime(simulated)} of {SimulatedTime(total)}  {records:N0} records  {Rate(records, elapsed)}  ETA {Eta(simulated, total, elapsed)}");

    /// <summary>What fits beside a bar on an 80-column terminal: simulated time reached, the rate of records and the time left.</summary>
    public static string Compact(double simulated, double total, long records, TimeSpan elapsed) =>
        $"{SimulatedTime(simulated)} of {SimulatedTime(total)}  {Rate(records, elapsed)}  ETA {Eta(simulated, total, elapsed)}";

    /// <summary>The share of the run done, 0 to 1.</summary>
    public static double Fraction(double simulated, double total) => total > 0 ? Math.Clamp(simulated / total, 0, 1) : 1;

    private static string Rate(long records, TimeSpan elapsed) =>
        string.Create(CultureInfo.InvariantCulture, $"{(elapsed.TotalSeconds > 0 ? records / elapsed.TotalSeconds : 0) / 1e6:0.00} M records/s");

    /// <summary>The wall-clock time left if the run goes on at its pace so far; "?" before it has started.</summary>
    private static string Eta(double simulated, double total, TimeSpan elapsed)
    {
        var fraction = Fraction(simulated, total);
        return fraction > 0 ? string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds * (1 - fraction) / fraction:0.0} s") : "?";
    }

    public static string SimulatedTime(double seconds)
    {
        var span = TimeSpan.FromSeconds(seconds);
        return span.TotalDays >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays}d {span.Hours:00}h{span.Minutes:00}m")
            : span.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
    }
}
