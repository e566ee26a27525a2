namespace ActorSim.Egress;

/// <summary>
/// How a <see cref="SinkWorker"/>'s full batches travel from the thread that routes records (and fills the batches)
/// to the one that encodes and stores them: the host's flow control and wake-ups.
/// </summary>
public interface IBatchHandoff
{
    /// <summary>On the routing thread, before a batch joins the worker's queue: waits for room, or throws to refuse it.</summary>
    void WaitForRoom(SinkWorker worker);

    /// <summary>On the routing thread, once a batch has joined the queue.</summary>
    void BatchQueued(SinkWorker worker);

    /// <summary>On the storing thread, once a batch has left the queue for the encoder.</summary>
    void BatchTaken(SinkWorker worker);
}
