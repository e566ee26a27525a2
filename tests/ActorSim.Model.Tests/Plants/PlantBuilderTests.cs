using ActorSim.Engine;
using ActorSim.Model.Building;
using ActorSim.Model.Distributions;
using ActorSim.Model.Plants;
using ActorSim.Model.Random;
using ActorSim.Model.Records;

namespace ActorSim.Model.Tests.Plants;

public class PlantBuilderTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    [InlineData(double.NaN)]
    public void A_zero_or_negative_lookahead_should_be_refused_naming_the_link(double lookahead)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PlantBuilder().AddLink("belt", "A", "B", lookahead));

        Assert.Contains("Link 'belt' needs a lookahead > 0 s", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ShortDelays))]
    public void A_delay_that_can_be_shorter_than_the_lookahead_should_be_refused_naming_the_link(DistributionConfig delay)
    {
        var plant = Pair().AddLink("belt", "A", "B", lookahead: 2, delay);

        var error = Assert.Throws<ArgumentException>(plant.Build);

        Assert.Contains("Link 'belt'", error.Message, StringComparison.Ordinal);
        Assert.Contains("below its lookahead of 2 s", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<DistributionConfig> ShortDelays() =>
    [
        DistributionConfig.Constant(1.5), DistributionConfig.Uniform(1, 5), DistributionConfig.Exponential(0.1),
        DistributionConfig.Normal(10, 1), DistributionConfig.Triangular(1.9, 3, 4), DistributionConfig.Empirical([3, 1.99, 4]),
    ];

    [Fact]
    public void Delays_whose_minimum_reaches_the_lookahead_should_be_accepted()
    {
        foreach (var delay in new[] { DistributionConfig.Constant(2), DistributionConfig.Uniform(2, 3), DistributionConfig.Empirical([2, 4]) })
        {
            Assert.Equal(2, Pair().AddLink("belt", "A", "B", 2, delay).Build().Link("belt").Lookahead);
        }

        Assert.Equal("constant", Pair().AddLink("belt", "A", "B", 2).Build().Link("belt").Delay.Name);
    }

    [Fact]
    public void Unknown_lines_and_links_should_be_refused_with_the_known_ones()
    {
        var toNowhere = Assert.Throws<ArgumentException>(Pair().AddLink("belt", "A", "Z", 2).Build);
        Assert.Contains("Link 'belt' goes to line 'Z', which is not in the plant. Lines: A, B.", toNowhere.Message, StringComparison.Ordinal);

        var unknownSend = Assert.Throws<ArgumentException>(Pair(sendOver: "chute").AddLink("belt", "A", "B", 2).Build);
        Assert.Contains("Task 'part' of line 'A' sends to link 'chute', which is not in the plant. Links: belt.", unknownSend.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_receiving_from_a_link_that_targets_another_line_should_be_refused()
    {
        var plant = Pair()
            .AddLine(Receiver("C", "belt"))
            .AddLink("belt", "A", "B", 2);

        var error = Assert.Throws<ArgumentException>(plant.Build);

        Assert.Contains("Task 'work' of line 'C' starts from link 'belt', which targets line 'B', not 'C'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_sending_over_a_link_that_starts_elsewhere_should_be_refused()
    {
        var plant = Pair()
            .AddLine(Source("C", "belt"))
            .AddLink("belt", "A", "B", 2);

        var error = Assert.Throws<ArgumentException>(plant.Build);

        Assert.Contains("which starts at line 'A', not at 'C'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_whose_target_has_no_task_for_it_should_be_refused()
    {
        var plant = Pair()
            .AddLine(Source("C", "chute"))
            .AddLink("belt", "A", "B", 2)
            .AddLink("chute", "C", "A", 2);

        var error = Assert.Throws<ArgumentException>(plant.Build);

        Assert.Contains("Link 'chute' targets line 'A', which has no task started by it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_lines_and_links_should_be_refused()
    {
        Assert.Throws<ArgumentException>(() => Pair().AddLine(Source("A", "belt")));
        Assert.Throws<ArgumentException>(() => Pair().AddLink("belt", "A", "B", 2).AddLink("belt", "A", "B", 3));
        Assert.Throws<ArgumentException>(() => new PlantBuilder().Build());
    }

    [Fact]
    public void Steps_should_not_follow_a_send_and_a_line_should_take_one_task_per_link()
    {
        Assert.Throws<InvalidOperationException>(() => new LineBuilder("A").AddTask("t", "a", s => s.SendTo("x").Step("m", "s")));
        Assert.Throws<InvalidOperationException>(() => new LineBuilder("A").AddTask("t", "a", s => s.Step("m", "s").SendTo("x").SendTo("y")));
        Assert.Throws<ArgumentException>(() =>
            new LineBuilder("B").AddTaskFromLink("one", "belt", s => s.Step("m", "s")).AddTaskFromLink("two", "belt", s => s.Step("m", "s")));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LineBuilder("A").AddTask("t", "a", s => s.Step("m", "s").SendToOneOf(new LinkChoice("x", 0))));
    }

    [Fact]
    public void A_line_that_sends_should_not_start_outside_a_plant()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            Source("A", "belt").Start(new Simulation(), new NullRecordSink(), RandomStream.Create(1)));

        Assert.Contains("start it in a plant", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plant_should_index_lines_in_the_order_they_were_added_and_derive_each_stream_from_the_sim_id()
    {
        var plant = ReferenceModels.TwoStagePlant();

        Assert.Equal(8, plant.Lines.Count);
        Assert.Equal(4, plant.IndexOf("Assembly_1"));
        Assert.Equal(8, plant.Links.Count);
        Assert.Equal(["conveyor_1", "crossover_4"], plant.Lines[4].InboundLinks);
        Assert.Equal(["conveyor_1", "crossover_1"], plant.Lines[0].OutboundLinks);
        Assert.Throws<KeyNotFoundException>(() => plant.IndexOf("Nope"));

        // The line's sampler draws exactly what RandomStream.Create(seed, sim_id) draws.
        var line = plant.StartLine(2, new Simulation(), new NullRecordSink(), 77, new Support.CapturingOutbox());
        Assert.Equal(RandomStream.Create(77, "Machining_3").NextUInt64(), line.Sampler.Stream.NextUInt64());
    }

    private static PlantBuilder Pair(string sendOver = "belt") => new PlantBuilder()
        .AddLine(Source("A", sendOver))
        .AddLine(Receiver("B", "belt"));

    private static LineModel Source(string simId, string link) => new LineBuilder(simId)
        .AddArrival("a", DistributionConfig.Constant(1))
        .AddService("s", DistributionConfig.Constant(0.5))
        .AddResource("m", currentCap: 1)
        .AddTask("part", "a", steps => steps.Step("m", "s").SendTo(link))
        .Build();

    private static LineModel Receiver(string simId, string link) => new LineBuilder(simId)
        .AddService("s", DistributionConfig.Constant(0.5))
        .AddResource("m", currentCap: 1)
        .AddTaskFromLink("work", link, steps => steps.Step("m", "s"))
        .Build();
}
