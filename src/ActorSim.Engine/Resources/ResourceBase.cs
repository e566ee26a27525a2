using ActorSim.Engine.Internal;

namespace ActorSim.Engine.Resources;

/// <summary>
/// SimPy's BaseResource: a queue of put events and a queue of get events. A new put tries the put queue;
/// a processed put tries the get queue, and a processed get tries the put queue again.
/// </summary>
/// <typeparam name="TPut">The put (or request) event type.</typeparam>
/// <typeparam name="TGet">The get (or release) event type.</typeparam>
public abstract class ResourceBase<TPut, TGet>
    where TPut : Event
    where TGet : Event
{
    private readonly Deque<TPut> _putQueue = new();
    private readonly Deque<TGet> _getQueue = new();

    /// <summary>Creates the resource in <paramref name="simulation"/>.</summary>
    protected ResourceBase(Simulation simulation)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        Simulation = simulation;
        TriggerPutCallback = new TriggerCallback(this, isPut: true);
        TriggerGetCallback = new TriggerCallback(this, isPut: false);
    }

    /// <summary>The simulation the resource lives in.</summary>
    public Simulation Simulation { get; }

    /// <summary>Pending put events, in the order they will be tried.</summary>
    public IReadOnlyList<TPut> PutQueue => _putQueue;

    /// <summary>Pending get events, in the order they will be tried.</summary>
    public IReadOnlyList<TGet> GetQueue => _getQueue;

    internal IEventCallback TriggerPutCallback { get; }

    internal IEventCallback TriggerGetCallback { get; }

    /// <summary>Tries to carry out <paramref name="put"/>; returns true to go on with the next queued put.</summary>
    protected abstract bool DoPut(TPut put);

    /// <summary>Tries to carry out <paramref name="get"/>; returns true to go on with the next queued get.</summary>
    protected abstract bool DoGet(TGet get);

    /// <summary>Where a new put goes in the queue (FIFO by default).</summary>
    protected virtual int PutInsertionIndex(IReadOnlyList<TPut> queue, TPut put) => queue.Count;

    /// <summary>Queues a new put event and tries the put queue.</summary>
    internal void EnqueuePut(TPut put)
    {
        _putQueue.Insert(PutInsertionIndex(_putQueue, put), put);
        put.AddCallback(TriggerGetCallback);
        TriggerPut();
    }

    /// <summary>Queues a new get event and tries the get queue.</summary>
    internal void EnqueueGet(TGet get)
    {
        _getQueue.Add(get);
        get.AddCallback(TriggerPutCallback);
        TriggerGet();
    }

    /// <summary>Withdraws a put that has not been carried out; true if it was queued.</summary>
    internal bool CancelPut(TPut put) => !put.IsTriggered && _putQueue.Remove(put);

    /// <summary>Withdraws a get that has not been carried out; true if it was queued.</summary>
    internal bool CancelGet(TGet get) => !get.IsTriggered && _getQueue.Remove(get);

    /// <summary>Tries the queued puts in order until one asks to stop.</summary>
    protected void TriggerPut()
    {
        var index = 0;
        while (index < _putQueue.Count)
        {
            var put = _putQueue[index];
            var proceed = DoPut(put);
            if (!put.IsTriggered)
            {
                index++;
            }
            else
            {
                _putQueue.RemoveAt(index);
            }

            if (!proceed)
            {
                break;
            }
        }
    }

    /// <summary>
    /// Tries the queued puts again after something outside the put/get cycle made room (a larger capacity).
    /// Repeats while the head of the queue is carried out, because a <see cref="DoPut"/> that stops after one
    /// put (as SimPy's Resource and Store do) would otherwise leave room unused until the next get.
    /// </summary>
    protected void RetryPuts()
    {
        while (_putQueue.Count > 0)
        {
            var head = _putQueue[0];
            TriggerPut();
            if (!head.IsTriggered)
            {
                break;
            }
        }
    }

    /// <summary>Tries the queued gets in order until one asks to stop.</summary>
    protected void TriggerGet()
    {
        var index = 0;
        while (index < _getQueue.Count)
        {
            var get = _getQueue[index];
            var proceed = DoGet(get);
            if (!get.IsTriggered)
            {
                index++;
            }
            else
            {
                _getQueue.RemoveAt(index);
            }

            if (!proceed)
            {
                break;
            }
        }
    }

    private sealed class TriggerCallback(ResourceBase<TPut, TGet> resource, bool isPut) : IEventCallback
    {
        public void OnEventProcessed(Event processed)
        {
            if (isPut)
            {
                resource.TriggerPut();
            }
            else
            {
                resource.TriggerGet();
            }
        }
    }
}
