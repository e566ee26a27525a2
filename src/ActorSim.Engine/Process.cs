using System.Runtime.CompilerServices;
using ActorSim.Engine.Internal;

namespace ActorSim.Engine;

/// <summary>
/// A process: a C# iterator that yields the events it waits for. It is itself an event that succeeds when
/// the iterator ends (with the value of <see cref="Simulation.Exit"/>, or null) and fails when it throws.
/// </summary>
/// <remarks>
/// When a process resumes after a failed event or an interrupt, <see cref="Fault"/> holds the exception.
/// The process must acknowledge it with <see cref="HandleFault"/> before it next yields or ends; otherwise the
/// process fails with that exception, as an uncaught exception would in SimPy.
/// </remarks>
public sealed class Process : Event, IEventCallback
{
    private readonly Action<Process>? _recycle;
    private IEnumerator<Event> _steps;
    private StepMachine? _machine;
    private Event? _target;
    private bool _faultHandled = true;
    private bool _starting;
    private bool _skipStart;

    internal Process(Simulation simulation, IEnumerable<Event> steps, string? name)
        : this(simulation, (steps ?? throw new ArgumentNullException(nameof(steps))).GetEnumerator(), name ?? NameOf(steps), null)
    {
    }

    /// <summary>
    /// A process on <paramref name="steps"/>. When <paramref name="recycle"/> is given, its owner reuses it
    /// (<see cref="Restart"/>): once it has ended with success it is handed to <paramref name="recycle"/>, at once when
    /// nothing waits for it (its own event is then never scheduled), else when its own event has been processed. Only
    /// for processes nobody else holds, since a reused process is a new one under the same reference.
    /// </summary>
    internal Process(Simulation simulation, IEnumerator<Event> steps, string name, Action<Process>? recycle)
        : base(simulation)
    {
        _steps = steps;
        _machine = steps as StepMachine;
        _recycle = recycle;
        Name = name;
        ScheduleStart();
    }

    /// <summary>The name used in errors and traces (given, or taken from the iterator method's name).</summary>
    public string Name { get; private set; }

    /// <summary>The steps this process runs (a reused process's owner takes its state machine back from here).</summary>
    internal IEnumerator<Event> Steps => _steps;

    /// <summary>The event the process waits for, or null when it is running or finished.</summary>
    public Event? Target => _target;

    /// <summary>True while the iterator has not ended.</summary>
    public bool IsAlive => !IsTriggered;

    /// <summary>The failure delivered at this resumption (a failed event or an interrupt), or null.</summary>
    public Exception? Fault { get; private set; }

    /// <summary>Acknowledges <see cref="Fault"/>, so the process goes on; returns false if there was none.</summary>
    public bool HandleFault()
    {
        if (Fault is null)
        {
            return false;
        }

        _faultHandled = true;
        return true;
    }

    /// <summary>
    /// Interrupts the process: it resumes at once (urgently, at the current time) with a
    /// <see cref="ProcessInterruptedException"/> carrying <paramref name="cause"/>, and stops waiting on its target.
    /// </summary>
    public void Interrupt(object? cause = null)
    {
        if (!IsAlive)
        {
            throw new InvalidOperationException($"Process '{Name}' has ended and cannot be interrupted.");
        }

        if (ReferenceEquals(Simulation.ActiveProcess, this))
        {
            throw new InvalidOperationException($"Process '{Name}' cannot interrupt itself.");
        }

        var interruption = new Interruption(this);
        interruption.MarkTriggered(null, new ProcessInterruptedException(cause));
        interruption.Defused = true;
        interruption.AddCallback(interruption);
        Simulation.Schedule(interruption, EventPriority.Urgent, 0);
    }

    void IEventCallback.OnEventProcessed(Event processed) => Resume(processed);

    /// <summary>
    /// Starts a recycled process again with new <paramref name="steps"/>, exactly as a new process would start
    /// (scheduled urgently, now).
    /// </summary>
    internal void Restart(IEnumerator<Event> steps, string name)
    {
        ResetProcessedForReuse();
        _steps = steps;
        _machine = steps as StepMachine;
        Name = name;
        _target = null;
        Fault = null;
        _faultHandled = true;
        _skipStart = false;
        ScheduleStart();
    }

    [MethodImpl(HotPath.Options)]
    internal override void Fire()
    {
        if (_skipStart)
        {
            _skipStart = false;
            return;
        }

        if (_starting)
        {
            _starting = false;
            Resume(this);
        }
        else
        {
            base.Fire();
            if (_recycle is not null && Exception is null)
            {
                _recycle(this);
            }
        }
    }

    private protected override string Describe() => $"Process '{Name}'";

    /// <summary>Schedules the process itself (urgently, now) to take its first step, saving a start event per process.</summary>
    private void ScheduleStart()
    {
        _starting = true;
        Simulation.Schedule(this, EventPriority.Urgent, 0);
    }

    [MethodImpl(HotPath.Options)]
    internal void Resume(Event resumedBy)
    {
        var simulation = Simulation;
        simulation.ActiveProcess = this;
        var current = resumedBy;
        while (true)
        {
            if (current.Exception is { } failure)
            {
                current.Defused = true;
                Fault = failure;
                _faultHandled = false;
            }

            bool moved;
            try
            {
                moved = _machine is { } machine ? machine.MoveNext() : _steps.MoveNext();
            }
            catch (Exception thrown)
            {
                Finish(null, thrown);
                break;
            }

            if (!_faultHandled)
            {
                Finish(null, Fault);
                break;
            }

            Fault = null;
            if (!moved)
            {
                Finish(null, null);
                break;
            }

            var next = _machine is { } stepMachine ? stepMachine.Current : _steps.Current;
            if (next is ProcessExit exit)
            {
                Finish(exit.ReturnValue, null);
                break;
            }

            if (next is null || !ReferenceEquals(next.Simulation, simulation))
            {
                Finish(null, new InvalidOperationException(next is null
                    ? $"Process '{Name}' yielded null; yield an event to wait for."
                    : $"Process '{Name}' yielded {next}, which belongs to another simulation."));
                break;
            }

            if (next.IsProcessed)
            {
                current = next;
                continue;
            }

            next.AddCallback(this);
            _target = next;
            break;
        }

        simulation.ActiveProcess = null;
    }

    private void Finish(object? value, Exception? failure)
    {
        _target = null;
        Fault = null;
        _faultHandled = true;
        _steps.Dispose();
        if (failure is null && _recycle is not null && !HasCallbacks)
        {
            // Nobody holds a recyclable process and nothing waits for it: it ends processed at once and goes back to
            // its owner, which saves scheduling its own event once per task. The events after it keep their order.
            MarkProcessed(value);
            _recycle(this);
        }
        else if (failure is null)
        {
            Succeed(value);
        }
        else
        {
            Fail(failure);
        }
    }

    private void OnInterrupted(Interruption interruption)
    {
        if (!IsAlive)
        {
            return;
        }

        if (_starting)
        {
            // Interrupted before its first step: the scheduled start must not resume it again.
            _starting = false;
            _skipStart = true;
        }

        _target?.RemoveCallback(this);
        _target = null;
        Resume(interruption);
    }

    /// <summary>
    /// The iterator method's name from the compiler's type name: <c>&lt;Packer&gt;d__3</c> for a method,
    /// <c>&lt;&lt;Outer&gt;g__Packer|3_0&gt;d</c> for a local function.
    /// </summary>
    private static string NameOf(IEnumerable<Event> steps)
    {
        var typeName = steps.GetType().Name;
        var local = typeName.IndexOf("g__", StringComparison.Ordinal);
        if (local >= 0)
        {
            var end = typeName.IndexOf('|', local);
            if (end > local + 3)
            {
                return typeName[(local + 3)..end];
            }
        }

        var open = typeName.IndexOf('<', StringComparison.Ordinal);
        var close = typeName.IndexOf('>', StringComparison.Ordinal);
        return open >= 0 && close > open + 1 ? typeName[(open + 1)..close] : typeName;
    }

    /// <summary>The urgent event that delivers an interrupt.</summary>
    private sealed class Interruption(Process process) : Event(process.Simulation), IEventCallback
    {
        public void OnEventProcessed(Event processed) => process.OnInterrupted(this);

        private protected override string Describe() => $"Interruption of process '{process.Name}'";
    }
}
