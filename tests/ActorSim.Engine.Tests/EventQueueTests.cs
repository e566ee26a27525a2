using ActorSim.Engine.Internal;

namespace ActorSim.Engine.Tests;

public class EventQueueTests
{
    /// <param name="nowShare">The share of pushes at the time of the last pop: those take the queue's ring, the rest its heap.</param>
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.6)]
    public void Interleaved_pushes_and_pops_past_several_growths_should_pop_in_time_class_and_sequence_order_with_their_own_events(double nowShare)
    {
        var sim = new Simulation();
        var queue = new EventQueue();
        var random = new Random(7);
        var expected = new SortedSet<(double Time, int Class, long Order, Event Event)>(Comparer<(double Time, int Class, long Order, Event Event)>.Create(
            (a, b) => (a.Time, a.Class, a.Order).CompareTo((b.Time, b.Class, b.Order))));
        long sequence = 0;
        var popped = 0;
        var lastPop = -1.0;

        // Up to ~3,000 live entries (the arrays start at 256), with pops in between so that freed slots are reused.
        for (var step = 0; step < 20_000; step++)
        {
            if (expected.Count > 0 && random.NextDouble() < (step < 10_000 ? 0.35 : 0.65))
            {
                var first = expected.Min;
                expected.Remove(first);
                var ev = queue.Pop(out var time);
                Assert.Equal(first.Time, time);
                Assert.Same(first.Event, ev);
                lastPop = time;
                popped++;
                continue;
            }

            var next = sim.Event();
            var at = lastPop >= 0 && random.NextDouble() < nowShare ? lastPop : Math.Round(random.NextDouble() * 50, 1);
            switch (random.Next(3))
            {
                case 0:
                    queue.Push(at, EventPriority.Urgent, next);
                    expected.Add((at, 0, sequence++, next));
                    break;
                case 1:
                    var source = random.Next(4);
                    var delivery = random.Next(1_000_000);
                    if (expected.Any(e => e.Class == 1 && e.Time == at && e.Order == ((long)source << 40 | (uint)delivery)))
                    {
                        continue;
                    }

                    queue.PushDelivery(at, source, delivery, next);
                    expected.Add((at, 1, (long)source << 40 | (uint)delivery, next));
                    break;
                default:
                    queue.Push(at, EventPriority.Normal, next);
                    expected.Add((at, 2, sequence++, next));
                    break;
            }

            Assert.Equal(expected.Count, queue.Count);
        }

        while (expected.Count > 0)
        {
            var first = expected.Min;
            expected.Remove(first);
            Assert.Same(first.Event, queue.Pop(out var time));
            Assert.Equal(first.Time, time);
            popped++;
        }

        Assert.Equal(0, queue.Count);
        Assert.Equal(double.PositiveInfinity, queue.PeekTime);
        Assert.True(popped > 8_000);
    }
}
