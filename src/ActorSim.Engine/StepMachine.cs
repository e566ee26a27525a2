using System.Collections;

namespace ActorSim.Engine;

/// <summary>
/// Hand-written process steps (a state machine a line reuses from task to task). A process drives them with one
/// virtual call and a field read a step, where an iterator costs two interface calls that the runtime resolves at a
/// call site shared by every kind of process.
/// </summary>
internal abstract class StepMachine : IEnumerator<Event>, IEnumerable<Event>
{
    /// <summary>The event the steps wait for after the last <see cref="MoveNext"/> that returned true.</summary>
    public Event Current { get; protected set; } = null!;

    object IEnumerator.Current => Current;

    /// <summary>Runs the steps up to their next wait (true, <see cref="Current"/> set) or their end (false).</summary>
    public abstract bool MoveNext();

    /// <summary>Ends the steps, releasing what they hold.</summary>
    public abstract void Dispose();

    /// <summary>Not supported: steps run once.</summary>
    public abstract void Reset();

    /// <summary>The steps themselves: a process runs them once, from where they stand.</summary>
    public IEnumerator<Event> GetEnumerator() => this;

    IEnumerator IEnumerable.GetEnumerator() => this;
}
