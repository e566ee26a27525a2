namespace ActorSim.Model.Resources;

/// <summary>
/// Waiting requests ordered by (priority, sequence): a binary min-heap whose withdrawn entries are removed
/// lazily when they reach the top; <see cref="Count"/> excludes them.
/// </summary>
internal sealed class RequestHeap
{
    private DynamicRequest[] _items = new DynamicRequest[64];
    private int _size;
    private int _withdrawn;

    /// <summary>The number of requests still waiting.</summary>
    public int Count => _size - _withdrawn;

    public void Push(DynamicRequest request)
    {
        if (_size == _items.Length)
        {
            Array.Resize(ref _items, _size * 2);
        }

        var index = _size++;
        while (index > 0)
        {
            var parent = (index - 1) >> 1;
            if (!Before(request, _items[parent]))
            {
                break;
            }

            _items[index] = _items[parent];
            index = parent;
        }

        _items[index] = request;
    }

    /// <summary>Marks a waiting request withdrawn (it is skipped when it surfaces).</summary>
    public void Withdraw() => _withdrawn++;

    /// <summary>Takes the first request still waiting, or null.</summary>
    public DynamicRequest? PopWaiting()
    {
        while (_size > 0)
        {
            var top = RemoveTop();
            if (top.State == DynamicRequest.RequestState.Waiting)
            {
                return top;
            }

            _withdrawn--;
        }

        return null;
    }

    /// <summary>The waiting requests in service order (allocates; for inspection).</summary>
    public IReadOnlyList<DynamicRequest> Snapshot()
    {
        var list = new List<DynamicRequest>(Count);
        for (var i = 0; i < _size; i++)
        {
            if (_items[i].State == DynamicRequest.RequestState.Waiting)
            {
                list.Add(_items[i]);
            }
        }

        list.Sort((a, b) => Before(a, b) ? -1 : Before(b, a) ? 1 : 0);
        return list;
    }

    private DynamicRequest RemoveTop()
    {
        var top = _items[0];
        var last = _items[--_size];
        _items[_size] = null!;
        if (_size > 0)
        {
            var index = 0;
            while (true)
            {
                var child = (index << 1) + 1;
                if (child >= _size)
                {
                    break;
                }

                if (child + 1 < _size && Before(_items[child + 1], _items[child]))
                {
                    child++;
                }

                if (!Before(_items[child], last))
                {
                    break;
                }

                _items[index] = _items[child];
                index = child;
            }

            _items[index] = last;
        }

        return top;
    }

    private static bool Before(DynamicRequest a, DynamicRequest b) =>
        a.Priority < b.Priority || (a.Priority == b.Priority && a.Sequence < b.Sequence);
}
