using System.Globalization;
using ActorSim.Engine;

namespace ActorSim.Model.Plants.Internal;

/// <summary>Checks shared by the plant runners.</summary>
internal static class PlantRunning
{
    /// <summary>
    /// Simulated seconds a cancellable run goes between looks at its token: a few hundredths of a wall second on the
    /// example plants, and nothing at all for the engine's hot path, which never sees the token.
    /// </summary>
    public const double CancellationSlice = 600;

    /// <summary>
    /// <see cref="Simulation.RunUntil"/>(<paramref name="horizon"/>) in slices of <see cref="CancellationSlice"/>,
    /// throwing an <see cref="OperationCanceledException"/> between slices once <paramref name="cancellationToken"/> is
    /// cancelled. Slicing changes no record: nothing reaches the simulation between two slices.
    /// </summary>
    public static void RunUntil(Simulation simulation, double horizon, CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled || !double.IsFinite(horizon))
        {
            simulation.RunUntil(horizon);
            return;
        }

        while (simulation.Now < horizon)
        {
            cancellationToken.ThrowIfCancellationRequested();
            simulation.RunUntil(Math.Min(horizon, simulation.Now + CancellationSlice));
        }
    }

    public static void CheckUntil(double until)
    {
        if (!(until > 0) || double.IsInfinity(until))
        {
            throw new ArgumentOutOfRangeException(nameof(until), until,
                string.Create(CultureInfo.InvariantCulture, $"A plant runs from 0 until a finite time after 0; {until} was given."));
        }
    }
}
