namespace ActorSim.Egress.Destinations;

/// <summary>The content of <c>_actorsim.lock</c>: which run holds the destination, from which process.</summary>
/// <param name="RunId">The holding run.</param>
/// <param name="Host">The machine it runs on.</param>
/// <param name="Pid">Its process id there.</param>
/// <param name="Since">Wall-clock UTC time it took the lock.</param>
internal sealed record DestinationLock(string RunId, string Host, int Pid, DateTime Since)
{
    /// <summary>True when the holder ran on this machine and its process is gone: a run killed before it could let go.</summary>
    public bool HolderIsDead()
    {
        if (!string.Equals(Host, Environment.MachineName, StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(Pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // The process cannot be inspected: take it as alive, the safe side.
            return false;
        }
    }
}
