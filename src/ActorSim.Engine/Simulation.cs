using System.Runtime.CompilerServices;
using ActorSim.Engine.Internal;
using ActorSim.Engine.Pacing;

namespace ActorSim.Engine;

/// <summary>
/// The discrete-event kernel: a logical clock and an event heap ordered by (time, priority, insertion
/// sequence), as in SimPy, plus deliveries from outside (<see cref="ScheduleDelivery"/>), which run between the
/// urgent and the normal events of their time in (source, sequence) order. Single-threaded and deterministic;
/// actors own one each.
/// </summary>
/// <remarks>
/// Horizon rule: <see cref="RunUntil"/>(h) processes every event whose time is strictly less than h, never
/// one at h, and leaves <see cref="Now"/> = h. <see cref="Run(double)"/> follows the same rule.
/// </remarks>
public sealed class Simulation
{
    private readonly EventQueue _queue = new();
    private readonly Stack<RecycledTimeout> _delays = new();
    private readonly RealtimePacer? _pacer;
    private readonly bool _hasLogicalStart;
    private double _now;
    private long _processedEvents;

    /// <summary>Creates a simulation starting at simulated time <paramref name="initialTime"/>.</summary>
    /// <param name="initialTime">The first value of <see cref="Now"/>, in seconds.</param>
    /// <param name="logicalStart">The calendar instant of simulated time 0 (default: 2000-01-01 UTC).</param>
    /// <param name="pacing">Wall-clock pacing; null or factor 0 runs as fast as the CPU allows.</param>
    public Simulation(double initialTime = 0, DateTime? logicalStart = null, PacingPolicy? pacing = null)
    {
        if (!double.IsFinite(initialTime))
        {
            throw new ArgumentOutOfRangeException(nameof(initialTime), initialTime, "The initial time must be a finite number of seconds.");
        }

        _now = initialTime;
        LogicalStart = logicalStart ?? new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        _hasLogicalStart = logicalStart is not null;
        Pacing = pacing ?? PacingPolicy.AsFastAsPossible;
        if (Pacing.Factor > 0)
        {
            _pacer = new RealtimePacer(Pacing);
        }
    }

    /// <summary>The current simulated time in seconds.</summary>
    public double Now => _now;

    /// <summary>The calendar instant that simulated time 0 stands for.</summary>
    public DateTime LogicalStart { get; }

    /// <summary>The calendar instant of the current simulated time.</summary>
    public DateTime NowAsDateTime => ToDateTime(_now);

    /// <summary>The pacing policy of this simulation.</summary>
    public PacingPolicy Pacing { get; }

    /// <summary>How many wall-clock seconds the run is behind its pacing target (0 when unpaced or on time).</summary>
    public double LagSeconds => _pacer?.LagSeconds(_now) ?? 0;

    /// <summary>The process whose code is running now, or null between events.</summary>
    public Process? ActiveProcess { get; internal set; }

    /// <summary>The number of events processed so far.</summary>
    public long ProcessedEvents => _processedEvents;

    /// <summary>The number of events scheduled and not yet processed.</summary>
    public int ScheduledEvents => _queue.Count;

    /// <summary>Converts a simulated time to the calendar instant it stands for.</summary>
    public DateTime ToDateTime(double simulatedSeconds) =>
        SimTime.ToInstant(LogicalStart, simulatedSeconds);

    /// <summary>
    /// A simulated time for a message, as <see cref="SimTime"/> writes it: with the instant it stands for when this
    /// simulation was given a logical start, the time alone otherwise.
    /// </summary>
    public string FormatTime(double simulatedSeconds) =>
        _hasLogicalStart ? SimTime.Format(simulatedSeconds, LogicalStart) : SimTime.Format(simulatedSeconds);

    /// <summary>A new pending event.</summary>
    public Event Event() => new(this);

    /// <summary>A timeout that succeeds <paramref name="delay"/> simulated seconds from now.</summary>
    public Timeout Timeout(double delay, object? value = null) => new(this, delay, value);

    /// <summary>
    /// A timeout of <paramref name="delay"/> seconds for a process to yield at once, without allocating: the instance
    /// comes from a pool and returns to it as soon as it has been processed. Do not keep it, put it in a condition or
    /// read it after resuming; use <see cref="Timeout"/> for that. Scheduling and order are those of a timeout.
    /// </summary>
    [MethodImpl(HotPath.Options)]
    public Event Delay(double delay)
    {
        if (!(delay >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay,
                $"A timeout needs a delay of zero or more simulated seconds; {delay} was given.");
        }

        var timeout = _delays.Count > 0 ? _delays.Pop() : new RecycledTimeout(this);
        timeout.Start(delay);
        return timeout;
    }

    /// <summary>
    /// <see cref="Delay"/> to the absolute time <paramref name="time"/> (at or after <see cref="Now"/>): for state
    /// restored from a snapshot, where <c>Now + (time - Now)</c> could differ from <paramref name="time"/> in its last bit.
    /// </summary>
    internal Event DelayUntil(double time)
    {
        if (!(time >= _now) || double.IsPositiveInfinity(time))
        {
            throw new ArgumentOutOfRangeException(nameof(time), time,
                $"A timeout needs a finite time at or after the current time {_now}; {time} was given.");
        }

        var timeout = _delays.Count > 0 ? _delays.Pop() : new RecycledTimeout(this);
        timeout.StartAt(time);
        return timeout;
    }

    /// <summary>Starts a process; it runs its first step at the current time, before normal events.</summary>
    public Process Process(IEnumerable<Event> steps, string? name = null) => new(this, steps, name);

    /// <summary>
    /// Starts a process that <paramref name="recycle"/> gets back once it has ended with success and its event has
    /// been processed, for the owner to <see cref="Process.Restart"/> it with new steps: processes that nobody waits on
    /// or keeps (a line's tasks) then cost no allocation per task.
    /// </summary>
    internal Process StartRecyclable(IEnumerator<Event> steps, string name, Action<Process> recycle) => new(this, steps, name, recycle);

    /// <summary>Yield this from a process to end it with <paramref name="returnValue"/>.</summary>
    public ProcessExit Exit(object? returnValue = null) => new(this, returnValue);

    /// <summary>An event that succeeds when all <paramref name="events"/> have succeeded, or fails with the first failure.</summary>
    public AllOf AllOf(params IEnumerable<Event> events) => new(this, events);

    /// <summary>An event that succeeds when any of <paramref name="events"/> has succeeded, or fails with the first failure.</summary>
    public AnyOf AnyOf(params IEnumerable<Event> events) => new(this, events);

    /// <summary>
    /// The events scheduled now, in the order they will be processed: what a snapshot needs to restore the same order
    /// among events at one time. Allocates; not for the hot path.
    /// </summary>
    public IReadOnlyList<ScheduledEvent> PendingInOrder() => _queue.InOrder();

    /// <summary>The time of the next scheduled event, or +∞ when none is scheduled.</summary>
    public double Peek() => _queue.PeekTime;

    /// <summary>Processes the next event; throws <see cref="InvalidOperationException"/> when none is scheduled.</summary>
    public void Step()
    {
        if (_queue.Count == 0)
        {
            throw new InvalidOperationException("No events are scheduled; the simulation has nothing left to step.");
        }

        StepCore();
    }

    /// <summary>Runs until no event is left.</summary>
    public void Run()
    {
        while (_queue.Count > 0)
        {
            StepCore();
        }
    }

    /// <summary>Runs until simulated time <paramref name="until"/> (events at that time are not processed).</summary>
    public void Run(double until)
    {
        if (!(until > _now))
        {
            throw new ArgumentOutOfRangeException(nameof(until), until,
                $"Run(until) needs a time after the current time {_now}; {until} was given.");
        }

        RunUntil(until);
    }

    /// <summary>Runs until <paramref name="until"/> is processed and returns its value (throws its failure).</summary>
    public object? Run(Event until)
    {
        ArgumentNullException.ThrowIfNull(until);
        while (!until.IsProcessed)
        {
            if (_queue.Count == 0)
            {
                throw new InvalidOperationException($"No events are left but {until} was never triggered.");
            }

            StepCore();
        }

        if (until.Exception is { } failure)
        {
            until.Defused = true;
            throw new SimulationException($"{until} failed at t={FormatTime(_now)}: {failure.Message}", _now, failure);
        }

        return until.Value;
    }

    /// <summary>
    /// Processes every event strictly before <paramref name="horizon"/>, then sets <see cref="Now"/> to it.
    /// Events at the horizon itself stay scheduled, so a coordinator can deliver messages stamped at the horizon
    /// before they run. A horizon at or before <see cref="Now"/> does nothing.
    /// </summary>
    [MethodImpl(HotPath.Options)]
    public void RunUntil(double horizon)
    {
        if (double.IsNaN(horizon))
        {
            throw new ArgumentOutOfRangeException(nameof(horizon), "The horizon must be a number.");
        }

        while (_queue.Count > 0 && _queue.PeekTime < horizon)
        {
            StepCore();
        }

        if (horizon > _now && !double.IsPositiveInfinity(horizon))
        {
            _pacer?.WaitUntil(horizon, _now);
            _now = horizon;
        }
    }

    /// <summary>
    /// Succeeds the pending event <paramref name="ev"/> with <paramref name="value"/> at the absolute time
    /// <paramref name="time"/> (at or after <see cref="Now"/>) as a delivery from outside: at that time it runs after
    /// urgent events and before normal ones, and deliveries among themselves run in
    /// (<paramref name="sourceIndex"/>, <paramref name="sequence"/>) order, whatever order they were scheduled in.
    /// </summary>
    /// <param name="ev">A pending event of this simulation.</param>
    /// <param name="time">When the event is processed, in simulated seconds (finite, not before <see cref="Now"/>).</param>
    /// <param name="sourceIndex">The sender's index, 0 to 65535.</param>
    /// <param name="sequence">The sender's sequence number for this delivery, 0 to 2^40 - 1.</param>
    /// <param name="value">The value the event succeeds with.</param>
    public void ScheduleDelivery(Event ev, double time, int sourceIndex, long sequence, object? value = null)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (!ReferenceEquals(ev.Simulation, this))
        {
            throw new ArgumentException($"{ev} belongs to another simulation; deliver it there.", nameof(ev));
        }

        if (!double.IsFinite(time) || time < _now)
        {
            throw new ArgumentOutOfRangeException(nameof(time), time,
                $"A delivery needs a finite time at or after the current time {_now}; {time} is in this simulation's past.");
        }

        if ((uint)sourceIndex > EventQueue.MaxSourceIndex)
        {
            throw new ArgumentOutOfRangeException(nameof(sourceIndex), sourceIndex,
                $"A delivery's source index must be in [0, {EventQueue.MaxSourceIndex}].");
        }

        if ((ulong)sequence > EventQueue.MaxDeliverySequence)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), sequence,
                $"A delivery's sequence number must be in [0, {EventQueue.MaxDeliverySequence}].");
        }

        ev.MarkTriggered(value, null);
        _queue.PushDelivery(time, sourceIndex, sequence, ev);
    }

    /// <summary>Schedules <paramref name="ev"/> to be processed <paramref name="delay"/> seconds from now.</summary>
    [MethodImpl(HotPath.Options)]
    internal void Schedule(Event ev, EventPriority priority, double delay) => _queue.Push(_now + delay, priority, ev);

    /// <summary>Schedules <paramref name="ev"/> to be processed at the absolute time <paramref name="time"/>.</summary>
    internal void ScheduleAt(Event ev, EventPriority priority, double time) => _queue.Push(time, priority, ev);

    /// <summary>Takes back a processed <see cref="Delay"/> timeout for reuse.</summary>
    internal void Recycle(RecycledTimeout timeout) => _delays.Push(timeout);

    [MethodImpl(HotPath.Options)]
    private void StepCore()
    {
        // Pace before popping: a strict run that lags throws with the event still scheduled, as SimPy's
        // RealtimeEnvironment does, so the caller can inspect or resume the run without losing it.
        _pacer?.WaitUntil(_queue.PeekTime, _now);
        var ev = _queue.Pop(out var time);
        _now = time;
        _processedEvents++;
        ev.Fire();
        if (ev.Exception is { } failure && !ev.Defused && ev.IsProcessed)
        {
            throw new SimulationException($"{ev} failed at t={FormatTime(time)} and nothing handled it: {failure.Message}", time, failure);
        }
    }
}
