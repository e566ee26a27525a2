namespace ActorSim.Model.Time;

/// <summary>Temporary.</summary>
public static class Durations
{
    /// <summary>Temporary.</summary>
    public static double ParseSeconds(string text) => double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
