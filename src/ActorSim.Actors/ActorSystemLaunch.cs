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

    private ActorSystemLaunch(ActorRunnerSettings settings)
    {
        Settings = settings;
        _system = Task.Run(() => ActorSystem.Create("actorsim", settings.ToConfig()));
    }

    /// <summary>The settings the system is created with; the run's must give the same system (<see cref="ActorRunnerSettings.StartsTheSameSystemAs"/>).</summary>
    public ActorRunnerSettings Settings { get; }

    /// <summary>Starts creating the system for <paramref name="settings"/> (checked at once) on a background thread.</summary>
    public static ActorSystemLaunch Start(ActorRunnerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        return new ActorSystemLaunch(settings);
    }

    /// <summary>Terminates the system unless a run took it over.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _taken, 1) == 0)
        {
            var system = await _system.ConfigureAwait(false);
            await system.Terminate().ConfigureAwait(false);
        }
    }

    /// <summary>The system being created, for tests; it stays the launch's until a run takes it.</summary>
    internal Task<ActorSystem> SystemForTests => _system;

    /// <summary>Hands the system to a run, which then owns it; a launch serves one run.</summary>
    internal Task<ActorSystem> TakeAsync() => Interlocked.Exchange(ref _taken, 1) == 0
        ? _system
        : throw new InvalidOperationException("This ActorSystemLaunch was already used by a run or disposed; start one per run.");
}
