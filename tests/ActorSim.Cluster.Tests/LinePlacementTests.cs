using ActorSim.Model.Building;
using Akka.Actor;

namespace ActorSim.Cluster.Tests;

/// <summary>
/// Where a plant's lines go: spread evenly, or grouped by the items they exchange; lines pinned to a role spread over
/// the workers that have it.
/// </summary>
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

    [Fact]
    public void Flows_should_split_each_sending_task_over_its_links_by_weight_both_directions_summed()
    {
        var plant = ReferenceModels.TwoStagePlant();
        var flows = LineFlows.Between(plant);
        int Line(string simId) => plant.IndexOf(simId);

        // Machining_1 sends 3 of 4 items over conveyor_1 to Assembly_1, 1 of 4 over crossover_1 to Assembly_2.
        Assert.Equal(0.75, flows[Line("Machining_1"), Line("Assembly_1")]);
        Assert.Equal(0.75, flows[Line("Assembly_1"), Line("Machining_1")]);
        Assert.Equal(0.25, flows[Line("Machining_1"), Line("Assembly_2")]);
        Assert.Equal(0.25, flows[Line("Machining_4"), Line("Assembly_1")]);
        Assert.Equal(0, flows[Line("Machining_1"), Line("Machining_2")]);
        Assert.Equal(0, flows[Line("Machining_1"), Line("Assembly_3")]);

        // The cyclic plant: Machining's two tasks both send to Inspection, which sends 1 of 5 back and 4 of 5 on.
        var loop = ReferenceModels.ReworkLoopPlant();
        var loopFlows = LineFlows.Between(loop);
        Assert.Equal(2.2, loopFlows[loop.IndexOf("Machining"), loop.IndexOf("Inspection")], 12);
        Assert.Equal(0.8, loopFlows[loop.IndexOf("Inspection"), loop.IndexOf("Packing")], 12);
    }

    [Fact]
    public void Together_should_keep_each_machining_line_with_its_assembly_line_and_its_crossover_partner()
    {
        var plant = ReferenceModels.TwoStagePlant();

        var placed = LinePlacement.Place(plant, [new PlacementNode(Second, []), new PlacementNode(First, [])], new Dictionary<string, string>(), PlacementRule.Together);

        // Machining_1..4, Assembly_1..4: Machining_1 feeds Assembly_1 and Assembly_2, Machining_2 feeds Assembly_2.
        Assert.Equal([First, First, Second, Second, First, First, Second, Second], placed);
    }

    [Fact]
    public void Together_should_send_fewer_items_between_workers_than_spread_and_load_no_worker_more()
    {
        var plant = ReferenceModels.TwoStagePlant();
        var flows = LineFlows.Between(plant);
        var none = new Dictionary<string, string>();
        foreach (var workers in new[] { new[] { First, Second }, new[] { First, Second, Third } })
        {
            var nodes = workers.Select(w => new PlacementNode(w, [])).ToArray();
            var spread = LinePlacement.Place(plant, nodes, none);
            var together = LinePlacement.Place(plant, nodes, none, PlacementRule.Together);

            Assert.True(Crossing(flows, together) < Crossing(flows, spread), $"{workers.Length} workers: {Crossing(flows, together)} crosses together, {Crossing(flows, spread)} spread");
            Assert.Equal(spread.CountBy(a => a).Max(c => c.Value), together.CountBy(a => a).Max(c => c.Value));
            Assert.Equal(workers.Length, together.Distinct().Count());
        }

        // The cyclic plant on two workers: Machining and Inspection, which exchange most, together.
        var loop = ReferenceModels.ReworkLoopPlant();
        var placedLoop = LinePlacement.Place(loop, [new PlacementNode(First, []), new PlacementNode(Second, [])], none, PlacementRule.Together);
        Assert.Equal([First, First, Second], placedLoop);
    }

    [Fact]
    public void Together_should_leave_pinned_lines_on_their_role_and_group_the_others()
    {
        var plant = ReferenceModels.TwoStagePlant();
        var pins = new Dictionary<string, string> { ["Assembly_4"] = "heavy" };
        PlacementNode[] workers = [new(First, ["worker"]), new(Second, ["worker", "heavy"])];

        var placed = LinePlacement.Place(plant, workers, pins, PlacementRule.Together);

        Assert.Equal(Second, placed[plant.IndexOf("Assembly_4")]);
        Assert.Equal(placed[plant.IndexOf("Machining_1")], placed[plant.IndexOf("Assembly_1")]);
        Assert.Equal(placed[plant.IndexOf("Machining_2")], placed[plant.IndexOf("Assembly_2")]);
        Assert.Equal(placed[plant.IndexOf("Machining_3")], placed[plant.IndexOf("Assembly_3")]);
        Assert.True(placed.Count(a => a == First) >= 3, "the worker without the pinned line takes at least as many of the others");
    }

    /// <summary>The flow between lines on different workers.</summary>
    private static double Crossing(double[,] flows, Address[] placed)
    {
        var crossing = 0.0;
        for (var a = 0; a < placed.Length; a++)
        {
            for (var b = a + 1; b < placed.Length; b++)
            {
                crossing += placed[a] == placed[b] ? 0 : flows[a, b];
            }
        }

        return crossing;
    }
}
