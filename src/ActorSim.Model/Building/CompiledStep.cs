using ActorSim.Model.Distributions;
using ActorSim.Model.Resources;

namespace ActorSim.Model.Building;

/// <summary>A task step with its resource and service distribution looked up once, when the task's process starts.</summary>
internal sealed record CompiledStep(DynamicResource Resource, DistributionConfig Service, string ServicePath, bool HandOff, int Priority);
