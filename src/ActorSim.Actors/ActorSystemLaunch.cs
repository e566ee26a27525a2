using Akka.Actor;

namespace ActorSim.Actors;

/// <summary>
/// The ActorSystem for one <see cref="ActorPlantRunner.RunAsync(ulong, double, Func{ActorSim.Model.Building.LineModel, ActorSim.Model.Records.IRecordSink}, ActorSystemLaunch?, CancellationToken)"/>,
/// created on a background thread from the moment <see cref="Start"/> is called, so that Akka's start (configuration,
/// extensions, dispatchers: about 0.2 s in a fresh process) overlaps the caller's own preparation, such as opening
/// sinks and building the plant. The run takes the system over and terminates it; a launch that no run took is
/// terminated by <see cref="DisposeAsync"/>.
/// </summary>
public sealed class ActorSystemLaunch : IAsyncDisposable
{
    private readonly Task<ActorSystem> _system;
    private int _taken;

    private ActorSystemLaunch(ActorRunnerSettings settings, Func<ActorSystem> create)
    {
        Settings = settings;
        _system = Task.Run(create);
    }

    /// <summary>The settings the system is created with; the run's must give the same system (<see cref="ActorRunnerSettings.StartsTheSameSystemAs"/>).</summary>
    public ActorRunnerSettings Settings { get; }

    /// <summary>Starts creating the system for <paramref name="settings"/> (checked at once) on a background thread.</summary>
    public static ActorSystemLaunch Start(ActorRunnerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        return new ActorSystemLaunch(settings, () => ActorSystem.Create("actorsim", settings.ToConfig()));
    }

    /// <summary>
    /// Terminates the system unless a run took it over. A system that failed to start leaves nothing to terminate, and
    /// its failure is not thrown here: a run that took the launch has seen it, and one that never did failed for its own
    /// reason, which an exception from this disposal would hide.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _taken, 1) != 0)
        {
            return;
        }

        ActorSystem system;
        try
        {
            system = await _system.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever stopped Akka's start is reported by the run that takes the launch, not by its disposal.
        catch (Exception)
#pragma warning restore CA1031
        {
            return;
        }

        await system.Terminate().ConfigureAwait(false);
    }

    /// <summary>A launch whose system comes from <paramref name="create"/>, for tests of a start that fails.</summary>
    internal static ActorSystemLaunch StartForTests(ActorRunnerSettings settings, Func<ActorSystem> create) => new(settings, create);

    /// <summary>The system being created, for tests; it stays the launch's until a run takes it.</summary>
    internal Task<ActorSystem> SystemForTests => _system;

    /// <summary>Hands the system to a run, which then owns it; a launch serves one run.</summary>
    internal Task<ActorSystem> TakeAsync() => Interlocked.Exchange(ref _taken, 1) == 0
        ? _system
        : throw new InvalidOperationException("This ActorSystemLaunch was already used by a run or disposed; start one per run.");
}
