namespace ActorSim.Forecasts;

/// <summary>A forecast stopped by a <see cref="PrecisionRule"/>: its result, whether the target was met, and which KPI decided.</summary>
/// <param name="Result">The forecast over the replications run.</param>
/// <param name="Met">True when every KPI reached the target; false when the most replications were reached first.</param>
/// <param name="Deciding">The KPI furthest from the target at the end (the last to reach it).</param>
/// <param name="Precision">That KPI's half-width relative to its mean.</param>
public sealed record SequentialForecast(ForecastResult Result, bool Met, string Deciding, double Precision);
