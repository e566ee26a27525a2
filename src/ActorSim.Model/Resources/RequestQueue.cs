using System.Runtime.CompilerServices;
namespace ActorSim.Model.Resources;

/// <summary>
/// Waiting requests in service order: by priority (lower first), FIFO among equals. One ring buffer per priority
/// level, so taking the next request is O(1) however long the queue grows (a binary heap cost a fifth of the
/// reference week in cache misses). Withdrawn requests are skipped lazily; <see cref="Count"/> excludes them.
/// </summary>
internal sealed class RequestQueue
{
    private readonly List<Level> _levels = [];
    private int _size;
    private int _withdrawn;

    /// <summary>The number of requests still waiting.</summary>
    public int Count => _size - _withdrawn;

    [MethodImpl(HotPath.Options)]
    public void Push(DynamicRequest request)
    {
        LevelFor(request.Priority).Enqueue(request);
        _size++;
    }

    /// <summary>Marks a waiting request withdrawn (it is skipped when it surfaces).</summary>
    public void Withdraw() => _withdrawn++;

    /// <summary>Takes the first request still waiting, or null.</summary>
    [MethodImpl(HotPath.Options)]
    public DynamicRequest? PopWaiting()
    {
        foreach (var level in _levels)
        {
            while (level.Count > 0)
            {
                var next = level.Dequeue();
                _size--;
                if (next.State == DynamicRequest.RequestState.Waiting)
                {
                    return next;
                }

                _withdrawn--;
            }
        }

        return null;
    }

    /// <summary>The waiting requests in service order (allocates; for inspection).</summary>
    public IReadOnlyList<DynamicRequest> Snapshot()
    {
        var list = new List<DynamicRequest>(Count);
        foreach (var level in _levels)
        {
            level.CopyWaitingTo(list);
        }

        return list;
    }

    [MethodImpl(HotPath.Options)]
    private Level LevelFor(int priority)
    {
        // Levels are few and sorted; the common case is a single level.
        for (var i = 0; i < _levels.Count; i++)
        {
            var level = _levels[i];
            if (level.Priority == priority)
            {
                return level;
            }

            if (level.Priority > priority)
            {
                var inserted = new Level(priority);
                _levels.Insert(i, inserted);
                return inserted;
            }
        }

        var added = new Level(priority);
        _levels.Add(added);
        return added;
    }

    /// <summary>A FIFO ring buffer of the requests of one priority.</summary>
    private sealed class Level(int priority)
    {
        private DynamicRequest[] _items = new DynamicRequest[16];
        private int _head;
        private int _count;

        public int Priority { get; } = priority;

        public int Count => _count;

        [MethodImpl(HotPath.Options)]
        public void Enqueue(DynamicRequest request)
        {
            if (_count == _items.Length)
            {
                var grown = new DynamicRequest[_items.Length * 2];
                for (var i = 0; i < _count; i++)
                {
                    grown[i] = _items[(_head + i) & (_items.Length - 1)];
                }

                _items = grown;
                _head = 0;
            }

            _items[(_head + _count) & (_items.Length - 1)] = request;
            _count++;
        }

        [MethodImpl(HotPath.Options)]
        public DynamicRequest Dequeue()
        {
            var request = _items[_head];
            _items[_head] = null!;
            _head = (_head + 1) & (_items.Length - 1);
            _count--;
            return request;
        }

        public void CopyWaitingTo(List<DynamicRequest> into)
        {
            for (var i = 0; i < _count; i++)
            {
                var request = _items[(_head + i) & (_items.Length - 1)];
                if (request.State == DynamicRequest.RequestState.Waiting)
                {
                    into.Add(request);
                }
            }
        }
    }
}
