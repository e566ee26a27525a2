using ActorSim.Engine.Internal;

namespace ActorSim.Engine.Tests;

public class DequeTests
{
    [Fact]
    public void Deque_should_behave_like_a_list_under_random_inserts_and_removals()
    {
        var random = new System.Random(12345);
        var deque = new Deque<int>();
        var list = new List<int>();
        for (var step = 0; step < 20_000; step++)
        {
            var op = random.Next(4);
            if (op < 2 || list.Count == 0)
            {
                var index = op == 0 ? list.Count : random.Next(list.Count + 1);
                deque.Insert(index, step);
                list.Insert(index, step);
            }
            else if (op == 2)
            {
                var index = random.Next(list.Count) / 4;
                deque.RemoveAt(index);
                list.RemoveAt(index);
            }
            else
            {
                var item = list[random.Next(list.Count)];
                Assert.Equal(list.Remove(item), deque.Remove(item));
            }

            Assert.Equal(list.Count, deque.Count);
        }

        Assert.Equal(list, deque);
    }

    [Fact]
    public void Removing_the_head_and_adding_at_the_end_should_wrap_around_the_ring_in_order()
    {
        var deque = new Deque<int>();
        for (var i = 0; i < 6; i++)
        {
            deque.Add(i);
        }

        for (var i = 0; i < 5; i++)
        {
            deque.RemoveAt(0);
        }

        for (var i = 6; i < 20; i++)
        {
            deque.Add(i);
        }

        deque.Insert(0, -1);

        Assert.Equal([-1, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19], deque);
    }

    [Fact]
    public void Removing_from_the_back_half_of_a_full_deque_should_keep_its_front()
    {
        var deque = new Deque<int>();
        for (var i = 0; i < 8; i++)
        {
            deque.Add(i);
        }

        deque.RemoveAt(6);

        Assert.Equal([0, 1, 2, 3, 4, 5, 7], deque);
    }

    [Fact]
    public void Removing_an_item_that_is_not_there_should_say_so_and_change_nothing()
    {
        var deque = new Deque<string>();
        deque.Add("a");
        deque.Add("b");

        Assert.False(deque.Remove("c"));
        Assert.True(deque.Remove("a"));
        Assert.Equal(["b"], deque);
    }
}
