namespace ActorSim.Forecasts;

/// <summary>A named what-if scenario: changes made to the baseline, compared with it on the same replications.</summary>
/// <param name="Name">Its name in reports and outputs (not <c>baseline</c>).</param>
/// <param name="Changes">Its changes, at least one.</param>
public sealed record ForecastScenario(string Name, IReadOnlyList<WhatIfChange> Changes);
