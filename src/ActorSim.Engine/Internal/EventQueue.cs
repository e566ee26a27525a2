namespace ActorSim.Engine.Internal;

/// <summary>
/// A 4-ary min-heap of scheduled events ordered by (time, priority, insertion sequence): SimPy's order.
/// Entries are structs in one array, so scheduling allocates nothing once the array has grown.
/// </summary>
internal sealed class EventQueue
{
    private const int PriorityShift = 56;
    private Entry[] _items = new Entry[256];
    private int _count;
    private long _sequence;

    public int Count => _count;

    public double PeekTime => _count == 0 ? double.PositiveInfinity : _items[0].Time;

    public Event PeekEvent => _items[0].Event;

    public void Push(double time, EventPriority priority, Event ev)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        var key = ((long)priority << PriorityShift) | _sequence++;
        var entry = new Entry(time, key, ev);
        var index = _count++;
        var items = _items;
        while (index > 0)
        {
            var parent = (index - 1) >> 2;
            ref var p = ref items[parent];
            if (!Less(in entry, in p))
            {
                break;
            }

            items[index] = p;
            index = parent;
        }

        items[index] = entry;
    }

    public Event Pop(out double time)
    {
        var items = _items;
        var top = items[0];
        time = top.Time;
        var last = --_count;
        if (last > 0)
        {
            var moving = items[last];
            items[last] = default;
            SiftDown(items, last, in moving);
        }
        else
        {
            items[0] = default;
        }

        return top.Event;
    }

    private static void SiftDown(Entry[] items, int count, in Entry moving)
    {
        var index = 0;
        while (true)
        {
            var first = (index << 2) + 1;
            if (first >= count)
            {
                break;
            }

            var best = first;
            var end = Math.Min(first + 4, count);
            for (var c = first + 1; c < end; c++)
            {
                if (Less(in items[c], in items[best]))
                {
                    best = c;
                }
            }

            if (!Less(in items[best], in moving))
            {
                break;
            }

            items[index] = items[best];
            index = best;
        }

        items[index] = moving;
    }

    private static bool Less(in Entry a, in Entry b) => a.Time < b.Time || (a.Time == b.Time && a.Key < b.Key);

    private readonly record struct Entry(double Time, long Key, Event Event);
}
