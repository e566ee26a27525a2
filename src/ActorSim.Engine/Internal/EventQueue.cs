using System.Runtime.CompilerServices;

namespace ActorSim.Engine.Internal;

/// <summary>
/// A 4-ary min-heap of scheduled events ordered by (time, key). The key's top byte is the class: urgent (0),
/// delivery (1), normal (2). Urgent and normal keys end in the insertion sequence (SimPy's order); a delivery key
/// ends in (source index: 16 bits, sequence: 40 bits), so deliveries at one time run in (source, sequence) order
/// whatever order they were inserted in.
/// </summary>
/// <remarks>
/// The heap holds plain (time, key, slot) structs and the events sit in a slot table beside it: moving an entry up
/// or down the heap copies no object reference, so it costs no GC write barrier, and each event is stored once
/// when scheduled. Nothing is allocated once the arrays have grown.
/// <para>
/// Most events are scheduled for now (a granted request, a process's start, a succeeded event): those go to a FIFO
/// ring beside the heap, in O(1) each way. The ring stays sorted (in practice: one time, increasing keys): a push joins
/// it when its time is that of the last pop and it sorts after the ring's last entry (urgent and normal keys grow
/// with the sequence), else it goes to the heap. A pop takes the smaller of the ring's head and the heap's top, so
/// the order is exactly the heap's alone.
/// </para>
/// </remarks>
internal sealed class EventQueue
{
    /// <summary>The largest source index a delivery key holds (16 bits).</summary>
    public const int MaxSourceIndex = (1 << SourceBits) - 1;

    /// <summary>The largest sequence number a delivery key holds (40 bits).</summary>
    public const long MaxDeliverySequence = (1L << SequenceBits) - 1;

    private const int ClassShift = 56;
    private const int SourceBits = 16;
    private const int SequenceBits = 40;
    private const int InitialCapacity = 256;
    private const long UrgentClass = 0L << ClassShift;
    private const long DeliveryClass = 1L << ClassShift;
    private const long NormalClass = 2L << ClassShift;
    private Entry[] _heap = new Entry[InitialCapacity];
    private EventSlot[] _slots = new EventSlot[InitialCapacity];
    private int[] _freeSlots = new int[InitialCapacity];
    private int _freeCount;
    private int _usedSlots;
    private int _count;
    private Entry[] _ring = new Entry[InitialCapacity];
    private int _ringHead;
    private int _ringCount;
    private double _lastPopTime = double.NegativeInfinity;
    private long _sequence;

    public int Count => _count + _ringCount;

    public double PeekTime => _ringCount > 0 ? _ring[_ringHead].Time : _count == 0 ? double.PositiveInfinity : _heap[0].Time;

    [MethodImpl(HotPath.Options)]
    public void Push(double time, EventPriority priority, Event ev)
    {
        var cls = priority == EventPriority.Urgent ? UrgentClass : NormalClass;
        Insert(time, cls | _sequence++, ev);
    }

    /// <summary>Inserts a delivery; the caller has checked the ranges of <paramref name="source"/> and <paramref name="sequence"/>.</summary>
    [MethodImpl(HotPath.Options)]
    public void PushDelivery(double time, int source, long sequence, Event ev) =>
        Insert(time, DeliveryClass | ((long)source << SequenceBits) | sequence, ev);

    [MethodImpl(HotPath.Options)]
    public Event Pop(out double time)
    {
        Entry top;
        if (_ringCount > 0 && (_count == 0 || Less(in _ring[_ringHead], in _heap[0])))
        {
            top = _ring[_ringHead];
            _ringHead = (_ringHead + 1) & (_ring.Length - 1);
            _ringCount--;
        }
        else
        {
            var heap = _heap;
            top = heap[0];
            var last = --_count;
            if (last > 0)
            {
                SiftDown(heap, last, heap[last]);
            }
        }

        time = top.Time;
        _lastPopTime = top.Time;
        ref var slot = ref _slots[top.Slot];
        var ev = slot.Event!;
        slot.Event = null;
        _freeSlots[_freeCount++] = top.Slot;
        return ev;
    }

    [MethodImpl(HotPath.Options)]
    private void Insert(double time, long key, Event ev)
    {
        if (Count == _slots.Length)
        {
            Grow();
        }

        var slot = _freeCount > 0 ? _freeSlots[--_freeCount] : _usedSlots++;
        _slots[slot].Event = ev;
        var entry = new Entry(time, key, slot);
        if (time == _lastPopTime && (_ringCount == 0 || Less(in _ring[(_ringHead + _ringCount - 1) & (_ring.Length - 1)], in entry)))
        {
            AppendToRing(in entry);
            return;
        }

        var index = _count++;
        var heap = _heap;
        while (index > 0)
        {
            var parent = (index - 1) >> 2;
            if (!Less(in entry, in heap[parent]))
            {
                break;
            }

            heap[index] = heap[parent];
            index = parent;
        }

        heap[index] = entry;
    }

    [MethodImpl(HotPath.Options)]
    private static void SiftDown(Entry[] heap, int count, Entry moving)
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
                if (Less(in heap[c], in heap[best]))
                {
                    best = c;
                }
            }

            if (!Less(in heap[best], in moving))
            {
                break;
            }

            heap[index] = heap[best];
            index = best;
        }

        heap[index] = moving;
    }

    [MethodImpl(HotPath.Options)]
    private void AppendToRing(in Entry entry)
    {
        if (_ringCount == _ring.Length)
        {
            GrowRing();
        }

        _ring[(_ringHead + _ringCount) & (_ring.Length - 1)] = entry;
        _ringCount++;
    }

    /// <summary>Doubles the ring, its entries moved to the front in order.</summary>
    private void GrowRing()
    {
        var grown = new Entry[_ring.Length * 2];
        for (var i = 0; i < _ringCount; i++)
        {
            grown[i] = _ring[(_ringHead + i) & (_ring.Length - 1)];
        }

        _ring = grown;
        _ringHead = 0;
    }

    /// <summary>The scheduled events in the order they will be processed (allocates; for snapshots and inspection).</summary>
    public ScheduledEvent[] InOrder()
    {
        var entries = new Entry[Count];
        _heap.AsSpan(0, _count).CopyTo(entries);
        for (var i = 0; i < _ringCount; i++)
        {
            entries[_count + i] = _ring[(_ringHead + i) & (_ring.Length - 1)];
        }

        Array.Sort(entries, static (a, b) => Less(in a, in b) ? -1 : Less(in b, in a) ? 1 : 0);
        return Array.ConvertAll(entries, e => new ScheduledEvent(_slots[e.Slot].Event!, e.Time, (e.Key >> ClassShift) == 1));
    }

    /// <summary>Doubles the heap and the slot table together: every scheduled event has one slot and one entry, in the heap or the ring.</summary>
    private void Grow()
    {
        var capacity = _heap.Length * 2;
        Array.Resize(ref _heap, capacity);
        Array.Resize(ref _slots, capacity);
        Array.Resize(ref _freeSlots, capacity);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Less(in Entry a, in Entry b) => a.Time < b.Time || (a.Time == b.Time && a.Key < b.Key);

    private readonly record struct Entry(double Time, long Key, int Slot);

    /// <summary>A slot of the event table; a struct so that storing an event needs no array covariance check.</summary>
    private struct EventSlot
    {
        public Event? Event;
    }
}
