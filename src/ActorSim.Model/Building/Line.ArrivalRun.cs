using System.Runtime.CompilerServices;
using ActorSim.Engine;
using ActorSim.Model.Distributions;
using ActorSim.Model.Plants.Internal;
using ActorSim.Model.Records;

namespace ActorSim.Model.Building;

public sealed partial class Line
{
    /// <summary>
    /// The arrival process of one task kind, as a hand-written state machine (one arrival is one step of every task):
    /// it waits a sampled interarrival time and starts a task, for ever. A sample of +∞ (a rate of 0) waits for the
    /// distribution's first parameter to change instead, or ends the process when the distribution has none. Restored
    /// from a snapshot, the first arrival comes at a given time, or the process first waits for that change.
    /// The registry is read and the steps compiled at the process's first step, as the iterator it replaces did.
    /// </summary>
    private sealed class ArrivalRun(Line line, TaskDefinition task, double? firstAt, bool waitForChange) : StepMachine
    {
        private DistributionConfig _arrival = null!;
        private CompiledStep[] _steps = [];
        private CompiledSend? _send;
        private string? _wakePath;
        private State _state = State.Setup;

        private enum State : byte
        {
            Setup,
            Sampling,
            Arriving,
            Ended,
        }

        [MethodImpl(HotPath.Options)]
        public override bool MoveNext()
        {
            switch (_state)
            {
                case State.Setup:
                    var arrivalPath = $"{line.SimId}.arrival.{task.Arrival}";
                    _arrival = line.Registry.GetDistribution(arrivalPath);
                    _steps = line.CompileSteps(task);
                    _send = line.CompileSend(task);
                    _wakePath = _arrival.ParameterNames.Count > 0 ? $"{arrivalPath}.{_arrival.ParameterNames[0]}" : null;
                    if (firstAt is { } at)
                    {
                        return Wait(line.Simulation.DelayUntil(at), State.Arriving);
                    }

                    if (waitForChange && _wakePath is not null)
                    {
                        return Wait(line.Registry.WaitForChange(_wakePath), State.Sampling);
                    }

                    break;
                case State.Arriving:
                    line.StartPooledTask(new RecordKey(task.KeyPrefix, line._nextTaskNumber++), null, _steps, _send, task.Name);
                    break;
                case State.Ended:
                    return false;
            }

            var delay = line.Sampler.Sample(_arrival);
            if (!double.IsPositiveInfinity(delay))
            {
                return Wait(line.Simulation.Delay(delay), State.Arriving);
            }

            if (_wakePath is null)
            {
                Dispose();
                return false;
            }

            return Wait(line.Registry.WaitForChange(_wakePath), State.Sampling);
        }

        public override void Dispose()
        {
            _state = State.Ended;
            Current = null!;
        }

        public override void Reset() => throw new NotSupportedException("A line's arrivals run once.");

        private bool Wait(Event next, State then)
        {
            Current = next;
            _state = then;
            return true;
        }
    }
}
