namespace ActorSim.Blueprints;

/// <summary>The <c>simulation</c> section of a blueprint: how a run of the model is set up.</summary>
/// <param name="SimId">
/// The line's id, the first segment of its registry paths (<c>sim_id</c>); in a plant blueprint, where each line is
/// named by its key under <c>lines</c>, an optional name for the plant.
/// </param>
/// <param name="Seed">The run seed (<c>seed</c>, default 42).</param>
/// <param name="Start">
/// The logical start (<c>start</c>): Unspecified kind for an ISO-8601 time without zone, UTC for one with <c>Z</c> or an
/// offset and for <c>now</c>-relative forms; null when absent (the runner chooses).
/// </param>
/// <param name="DurationSeconds">The simulated duration in seconds (<c>duration</c>), or null when absent (the runner chooses).</param>
/// <param name="Factor">Wall seconds per simulated second (1.0 is real time, as SimPy's real-time factor); 0 runs as fast as possible (<c>factor</c>, default 0).</param>
/// <param name="GoLiveAt">
/// Backfill, then live (<c>go_live_at</c>: a time in the forms of <c>start</c>, e.g. <c>now</c>): the run goes as fast as
/// possible until this instant and at <paramref name="Factor"/>'s pace after it; null when absent.
/// </param>
public sealed record SimulationSettings(
    string SimId,
    ulong Seed = SimulationSettings.DefaultSeed,
    DateTime? Start = null,
    double? DurationSeconds = null,
    double Factor = 0,
    DateTime? GoLiveAt = null)
{
    /// <summary>The seed used when a blueprint gives none.</summary>
    public const ulong DefaultSeed = 42;
}
