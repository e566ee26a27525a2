using System.Globalization;

namespace ActorSim.Model.Plants.Internal;

/// <summary>Checks shared by the plant runners.</summary>
internal static class PlantRunning
{
    public static void CheckUntil(double until)
    {
        if (!(until > 0) || double.IsInfinity(until))
        {
            throw new ArgumentOutOfRangeException(nameof(until), until,
                string.Create(CultureInfo.InvariantCulture, $"A plant runs from 0 until a finite time after 0; {until} was given."));
        }
    }
}
