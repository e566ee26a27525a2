using Akka.Actor;

namespace ActorSim.Actors.Internal;

/// <summary>
/// Lets a run's last log events out before its ActorSystem terminates: the loggers (<c>/system/log1-…</c>) are actors,
/// and terminating stops them with whatever is still in their mailboxes, which lost the end-of-run summary now and then.
/// An <see cref="Identify"/> queues behind those events, so its answer means they have been written.
/// </summary>
internal static class LoggerFlush
{
    public static async Task FlushAsync(ActorSystem system, TimeSpan timeout)
    {
        try
        {
            await system.ActorSelection("/system/log*").Ask<ActorIdentity>(new Identify(null), timeout).ConfigureAwait(false);
        }
        catch (AskTimeoutException)
        {
            // A logger that does not answer in time is not worth holding the run's end for.
        }
    }
}
