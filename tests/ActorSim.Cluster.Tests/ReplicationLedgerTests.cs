using ActorSim.Cluster.Internal;
using ActorSim.Forecasts;

namespace ActorSim.Cluster.Tests;

/// <summary>The client's book of a job, without actors: pulling, leases, node loss, duplicates.</summary>
public sealed class ReplicationLedgerTests
{
    private static readonly DateTime T0 = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static ReplicationOutcome Outcome(int i) => new([i, double.NaN], [i * 2.0]);

    [Fact]
    public void A_node_gets_no_more_batches_than_it_has_free_threads()
    {
        var ledger = new ReplicationLedger(maxBatch: 4, TimeSpan.FromMinutes(1));
        ledger.OpenRange(0, 100);
        ledger.Request("a", slots: 2, received: 0);

        var batches = ledger.Hand(T0);

        Assert.Equal(2, batches.Count);
        Assert.Equal([0, 1, 2, 3], batches[0].Indices);
        Assert.Equal([4, 5, 6, 7], batches[1].Indices);
        Assert.Empty(ledger.Hand(T0));
    }

    [Fact]
    public void Batches_still_on_their_way_count_against_a_nodes_free_threads()
    {
        var ledger = new ReplicationLedger(maxBatch: 1, TimeSpan.FromMinutes(1));
        ledger.OpenRange(0, 10);
        ledger.Request("a", slots: 2, received: 0);
        Assert.Equal(2, ledger.Hand(T0).Count);

        ledger.Request("a", slots: 2, received: 1);

        Assert.Single(ledger.Hand(T0));
    }

    [Fact]
    public void A_lost_nodes_unfinished_replications_go_back_to_the_queue_and_run_elsewhere()
    {
        var ledger = new ReplicationLedger(maxBatch: 3, TimeSpan.FromMinutes(1));
        ledger.OpenRange(0, 12);
        ledger.Request("a", 1, 0);
        var (_, lease, indices) = Assert.Single(ledger.Hand(T0));
        Assert.Equal([0, 1, 2], indices);
        ledger.Deliver("a", lease, 0, Outcome(0), T0);

        Assert.Equal(2, ledger.Lose("a", "unreachable", forGood: false));
        Assert.Equal(0, ledger.Lose("a", "leaving", forGood: true));
        Assert.Null(ledger.Lose("a", "removed", forGood: true));
        ledger.Request("a", 1, 1);
        Assert.Empty(ledger.Hand(T0));
        var received = 0;
        while (ledger.Completed() is null)
        {
            ledger.Request("b", 1, received);
            var (_, next, batch) = Assert.Single(ledger.Hand(T0));
            received++;
            Assert.DoesNotContain(0, batch);
            foreach (var i in batch)
            {
                ledger.Deliver("b", next, i, Outcome(i), T0);
            }

            if (received == 1)
            {
                Assert.Equal([1, 2], batch[..2]);
            }
        }

        var shares = ledger.Shares();
        Assert.Equal((1, 2, "leaving"), shares.Where(s => s.Node == "a").Select(s => (s.Replications, s.Requeued, s.Lost)).Single());
        Assert.Equal(11, shares.Single(s => s.Node == "b").Replications);
    }

    [Fact]
    public void A_late_equal_outcome_is_a_duplicate_and_a_different_one_a_conflict()
    {
        var ledger = new ReplicationLedger(maxBatch: 1, TimeSpan.FromMinutes(1));
        ledger.OpenRange(0, 1);
        ledger.Request("a", 1, 0);
        var (_, lease, _) = Assert.Single(ledger.Hand(T0));
        Assert.Equal(ReplicationLedger.Delivery.Kept, ledger.Deliver("a", lease, 0, Outcome(0), T0).Delivery);

        Assert.Equal((ReplicationLedger.Delivery.Duplicate, "a"), ledger.Deliver("b", 99, 0, Outcome(0), T0));
        Assert.Equal((ReplicationLedger.Delivery.Conflict, "a"), ledger.Deliver("b", 99, 0, new ReplicationOutcome([0, 1], [0]), T0));
        Assert.Equal(1, ledger.Shares().Single(s => s.Node == "b").Duplicates);
    }

    [Fact]
    public void A_lease_without_results_for_the_timeout_goes_back_to_the_queue()
    {
        var ledger = new ReplicationLedger(maxBatch: 2, TimeSpan.FromSeconds(10));
        ledger.OpenRange(0, 8);
        ledger.Request("slow", 1, 0);
        var (_, lease, _) = Assert.Single(ledger.Hand(T0));

        Assert.Empty(ledger.Expire(T0.AddSeconds(9)));
        var expired = Assert.Single(ledger.Expire(T0.AddSeconds(10)));

        Assert.Equal(("slow", lease, 2), expired);
        Assert.Equal(8, ledger.Queued);
    }
}
