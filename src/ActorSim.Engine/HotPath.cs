using System.Runtime.CompilerServices;

namespace ActorSim.Engine;

/// <summary>
/// How hot methods are compiled: <c>[MethodImpl(HotPath.Options)]</c>. A ReadyToRun publish (<c>-p:PublishReadyToRun=true</c>)
/// precompiles this assembly but leaves these methods to the JIT at full optimization, whose code runs their loops
/// faster; in other builds they are plain methods, tiered and profile-guided as usual.
/// </summary>
internal static class HotPath
{
#if READY_TO_RUN_HOT_PATHS
    public const MethodImplOptions Options = MethodImplOptions.AggressiveOptimization;
#else
    public const MethodImplOptions Options = 0;
#endif
}
