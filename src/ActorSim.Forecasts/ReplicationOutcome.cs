namespace ActorSim.Forecasts;

/// <summary>One replication's measures: its KPI row (in <see cref="ForecastRunner.KpiNames"/>' order) and its band samples (series by sampling time).</summary>
public sealed record ReplicationOutcome(double[] Row, double[] Samples);
