using ActorSim.Actors.Messages;
using ActorSim.Model.Plants;
using Akka.Actor;

namespace ActorSim.Actors;

/// <summary>
/// One run on an <see cref="ActorSimHost"/>: its id, where it is (<see cref="ProgressAsync"/>), pause, resume, stop,
/// and its outcome (<see cref="Completion"/>). Only this run's actors hear what the handle says.
/// </summary>
public sealed class RunHandle
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);
    private readonly IActorRef _coordinator;

    internal RunHandle(string runId, IActorRef coordinator, Task<ActorRunStats> completion)
    {
        RunId = runId;
        _coordinator = coordinator;
        Completion = completion;
    }

    /// <summary>The run's id: its coordinator is <c>/user/run-&lt;id&gt;</c>, and every message about the run carries it.</summary>
    public string RunId { get; }

    /// <summary>
    /// Completes once the run's actors have all stopped: with the run's <see cref="ActorRunStats"/> when it reached its end
    /// time; a <see cref="LineFailedException"/> naming the line and time when a line failed or went silent; an
    /// <see cref="OperationCanceledException"/> when it was stopped; an <see cref="InvalidOperationException"/> for other failures.
    /// </summary>
    public Task<ActorRunStats> Completion { get; }

    /// <summary>Where the run is now: rounds, the simulated time every line has reached, events and records written so far.</summary>
    public Task<RunProgress> ProgressAsync(CancellationToken cancellationToken = default) => AskAsync<RunProgress>(new GetProgress(RunId), cancellationToken);

    /// <summary>Holds the run once the lines running now have reported; answers with where it holds. No grant goes out until <see cref="ResumeAsync"/>.</summary>
    public async Task<RunProgress> PauseAsync(CancellationToken cancellationToken = default)
    {
        var paused = await AskAsync<RunPaused>(new Pause(RunId), cancellationToken).ConfigureAwait(false);
        return await ProgressAsync(cancellationToken).ConfigureAwait(false) with { Round = paused.Round, ReachedTime = paused.ReachedTime };
    }

    /// <summary>Lets a paused run go on.</summary>
    public Task ResumeAsync(CancellationToken cancellationToken = default) => AskAsync<RunResumed>(new Resume(RunId), cancellationToken);

    /// <summary>Stops the run at its lines' next slice; its egress stores what it holds. <see cref="Completion"/> then throws <see cref="OperationCanceledException"/>.</summary>
    public void Stop() => _coordinator.Tell(new Messages.Stop(RunId));

    private async Task<T> AskAsync<T>(IActorSimMessage message, CancellationToken cancellationToken)
    {
        if (Completion.IsCompleted)
        {
            throw new InvalidOperationException($"The run {RunId} has ended; its Completion holds the outcome.");
        }

        var reply = await _coordinator.Ask<IActorSimMessage>(message, AskTimeout, cancellationToken).ConfigureAwait(false);
        return reply switch
        {
            T answer => answer,
            RunFailed failed => throw new InvalidOperationException($"The run {RunId} failed: {failed.Reason}"),
            RunStopped => throw new InvalidOperationException($"The run {RunId} was stopped."),
            _ => throw new InvalidOperationException($"The run {RunId} answered {reply.GetType().Name} to {message.GetType().Name}."),
        };
    }
}
