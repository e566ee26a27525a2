using ActorSim.Actors.Internal;
using ActorSim.Actors.Messages;
using ActorSim.Actors.Tests.Support;
using Xunit.Abstractions;

namespace ActorSim.Actors.Tests.Runs;

/// <summary>A line actor's props are plain data; the line finds its plant and sinks on the node it starts on, by its run id.</summary>
[Collection(ActorsCollection.Name)]
public sealed class LinePropsTests(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(TestConfig.ForTestKit(), "line-props", output)
{
    [Fact]
    public void A_lines_props_hold_only_its_run_id_index_and_settings()
    {
        var props = LineActor.Props("run-7", 2, TestConfig.Settings);

        Assert.Equal(typeof(LineActor), props.Type);
        Assert.Equal(3, props.Arguments.Length);
        Assert.Equal("run-7", props.Arguments[0]);
        Assert.Equal(2, props.Arguments[1]);
        Assert.Equal(TestConfig.Settings, props.Arguments[2]);
    }

    [Fact]
    public void A_line_whose_run_is_not_on_its_node_fails_naming_the_run()
    {
        ChildActorOf(LineActor.Props("not-here", 0, TestConfig.Settings));

        var failed = ExpectMsg<LineFailed>();
        Assert.Equal(("not-here", 0, "line-0"), (failed.RunId, failed.Line, failed.SimId));
        Assert.Contains("The run 'not-here' is not known on the node", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_finds_its_plant_on_its_node_by_run_id_and_the_node_forgets_it_when_the_run_ends()
    {
        var plant = ActorSim.Model.Building.ReferenceModels.TwoStagePlant();
        NodeRuns.For(Sys).Add("here", new RunMaterials(plant, 42, _ => new ThrowingSink(double.PositiveInfinity)));
        try
        {
            ChildActorOf(LineActor.Props("here", 1, TestConfig.Settings));

            var ready = ExpectMsg<LineReady>();
            Assert.Equal(("here", 1), (ready.RunId, ready.Line));
        }
        finally
        {
            NodeRuns.For(Sys).Remove("here");
        }

        Assert.False(NodeRuns.For(Sys).TryGet("here", out _));
    }
}
