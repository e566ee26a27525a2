using ActorSim.Model.Building;
using Akka.Actor;

namespace ActorSim.Cluster.Tests;

/// <summary>Where a plant's lines go: spread evenly, lines pinned to a role spread over the workers that have it.</summary>
public sealed class LinePlacementTests
{
    private static readonly Address First = new("akka.tcp", "actorsim", "127.0.0.1", 4053);
    private static readonly Address Second = new("akka.tcp", "actorsim", "127.0.0.1", 4054);
    private static readonly Address Third = new("akka.tcp", "actorsim", "127.0.0.1", 4055);

    [Fact]
    public void Spread_should_put_line_i_on_worker_i_mod_n_in_order_of_address()
    {
        var placed = LinePlacement.Spread(ReferenceModels.TwoStagePlant(), [Second, First]);

        Assert.Equal([First, Second, First, Second, First, Second, First, Second], placed);
    }

    [Fact]
    public void Pinned_lines_should_go_to_the_workers_with_their_role_and_the_others_everywhere()
    {
        var plant = ReferenceModels.TwoStagePlant();
        var pins = plant.Lines.Where(l => l.SimId.StartsWith("Assembly", StringComparison.Ordinal)).ToDictionary(l => l.SimId, _ => "heavy");
        PlacementNode[] workers = [new(First, ["worker"]), new(Second, ["worker", "heavy"]), new(Third, ["worker", "heavy"])];

        var placed = LinePlacement.Place(plant, workers, pins);

        Assert.Equal(["Machining_1", "Machining_2", "Machining_3", "Machining_4", "Assembly_1", "Assembly_2", "Assembly_3", "Assembly_4"], plant.Lines.Select(l => l.SimId));
        Assert.Equal([First, Second, Third, First, Second, Third, Second, Third], placed);
    }

    [Fact]
    public void A_line_pinned_to_a_role_no_worker_has_should_fail_the_placement_naming_the_line_and_the_role()
    {
        var plant = ReferenceModels.TwoStagePlant();

        var error = Assert.Throws<ClusterRunException>(() => LinePlacement.Place(plant, [new PlacementNode(First, ["worker"])], new Dictionary<string, string> { ["Assembly_2"] = "gpu" }));

        Assert.Contains("line Assembly_2 is pinned to worker nodes with role 'gpu' (lines.Assembly_2.node), and no worker node up has it", error.Message, StringComparison.Ordinal);
        Assert.Contains("actorsim node --roles worker,gpu", error.Message, StringComparison.Ordinal);
    }
}
