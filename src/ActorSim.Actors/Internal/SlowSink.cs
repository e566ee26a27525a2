using ActorSim.Egress.Reports;

namespace ActorSim.Actors.Internal;

/// <summary>A sink <see cref="SlowSinkWatch"/> found slow: it blocked the line for <see cref="Blocked"/> out of <see cref="Over"/> of wall time.</summary>
internal sealed record SlowSink(SinkProgress Sink, TimeSpan Blocked, TimeSpan Over);
