namespace ActorSim.Engine;

/// <summary>
/// Delivered to a process as its <see cref="Process.Fault"/> when another process interrupts it
/// (SimPy's <c>Interrupt</c>). The process handles it with <see cref="Process.HandleFault"/>.
/// </summary>
public sealed class ProcessInterruptedException : Exception
{
    /// <summary>Creates the exception with the cause given to <see cref="Process.Interrupt"/>.</summary>
    public ProcessInterruptedException(object? cause)
        : base($"The process was interrupted{(cause is null ? string.Empty : $" ({cause})")}.")
    {
        Cause = cause;
    }

    /// <summary>What the interrupter passed (for preemption a <see cref="Resources.Preempted"/>).</summary>
    public object? Cause { get; }
}
