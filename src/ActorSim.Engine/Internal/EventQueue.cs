namespace ActorSim.Engine.Internal;

/// <summary>
/// A 4-ary min-heap of scheduled events ordered by (time, key). The key's top byte is the class: urgent (0),
/// delivery (1), normal (2). Urgent and normal keys end in the insertion sequence (SimPy's order); a delivery key
/// ends in (source index: 16 bits, sequence: 40 bits), so deliveries at one time run in (source, sequence) order
/// whatever order they were inserted in. Entries are structs in one array, so scheduling allocates nothing once
/// the array has grown.
/// </summary>
internal sealed class EventQueue
{
    /// <summary>The largest source index a delivery key holds (16 bits).</summary>
    public const int MaxSourceIndex = (1 << SourceBits) - 1;

    /// <summary>The largest sequence number a delivery key holds (40 bits).</summary>
    public const long MaxDeliverySequence = (1L << SequenceBits) - 1;

    private const int ClassShift = 56;
    private const int SourceBits = 16;
    private const int SequenceBits = 40;
    private const long UrgentClass = 0L << ClassShift;
    private const long DeliveryClass = 1L << ClassShift;
    private const long NormalClass = 2L << ClassShift;
    private Entry[] _items = new Entry[256];
    private int _count;
    private long _sequence;

    public int Count => _count;

    public double PeekTime => _count == 0 ? double.PositiveInfinity : _items[0].Time;

    public Event PeekEvent => _items[0].Event;

    public void Push(double time, EventPriority priority, Event ev)
    {
        var cls = priority == EventPriority.Urgent ? UrgentClass : NormalClass;
        Insert(new Entry(time, cls | _sequence++, ev));
    }

    /// <summary>Inserts a delivery; the caller has checked the ranges of <paramref name="source"/> and <paramref name="sequence"/>.</summary>
    public void PushDelivery(double time, int source, long sequence, Event ev) =>
        Insert(new Entry(time, DeliveryClass | ((long)source << SequenceBits) | sequence, ev));

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

    private void Insert(in Entry entry)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

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
