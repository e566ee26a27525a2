namespace ActorSim.Forecasts;

/// <summary>How often a resource's rule fired over a forecast's replications.</summary>
/// <param name="Line">The line's id.</param>
/// <param name="Resource">The resource's name.</param>
/// <param name="Rule">The rule: an alert (<c>queue &gt; 20</c>), or the default (<c>queue grows or utilization &gt; 95 %</c>).</param>
/// <param name="Fired">Replications in which it fired.</param>
/// <param name="Replications">Replications in all.</param>
/// <param name="Low">The 95 % Wilson interval's low end on the share.</param>
/// <param name="High">Its high end.</param>
/// <param name="MedianFirstCrossing">An alert's median first crossing, in seconds after the start, over the replications where it fired; null for the default rule or when it never fired.</param>
public sealed record ResourceVerdict(string Line, string Resource, string Rule, int Fired, int Replications, double Low, double High, double? MedianFirstCrossing)
{
    /// <summary>The share of replications in which the rule fired.</summary>
    public double Share => (double)Fired / Replications;

    /// <summary>True when the rule fires in most replications, surely: the interval's low end is above one half.</summary>
    public bool IsBottleneck => Low > 0.5;
}
