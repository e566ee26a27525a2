using System.Globalization;
using System.Runtime.InteropServices;

namespace ActorSim.Cli.Tests.Support;

/// <summary>
/// A test run started in the background by a non-interactive shell (<c>dotnet test &amp;</c>) ignores SIGINT, and a
/// child inherits an ignored signal, so the actorsim process under test would never see the SIGINT it is sent. This
/// puts SIGINT back to its default in the test process, once, and only when it is ignored (the runtime then has no
/// handler of its own to lose), as an interactive shell would have left it.
/// </summary>
internal static class InterruptNotIgnored
{
    private const int SigInt = 2;
    private static readonly Lazy<bool> Done = new(Reset);

    public static void Ensure() => _ = Done.Value;

    private static bool Reset()
    {
        var ignored = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        if (ignored is null || (ulong.Parse(ignored["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture) & (1UL << (SigInt - 1))) == 0)
        {
            return false;
        }

        _ = Signal(SigInt, IntPtr.Zero);
        return true;
    }

    /// <summary>signal(2); a null handler is SIG_DFL.</summary>
    [DllImport("libc", EntryPoint = "signal")]
    private static extern IntPtr Signal(int signal, IntPtr handler);
}
