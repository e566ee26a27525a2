using ActorSim.Blueprints.Tests.Support;

namespace ActorSim.Blueprints.Tests;

public class EgressStallTimeoutTests
{
    private static BlueprintException Error(string entries) => Yaml.Error($"simulation: {{sim_id: L}}\negress:\n{entries}");

    [Fact]
    public void Egress_should_read_a_stall_timeout_as_a_duration()
    {
        var spec = Assert.Single(Yaml.Load("simulation: {sim_id: L}\negress:\n  - {stall_timeout: 2 min}").Egress);

        Assert.Equal(120, spec.StallTimeout);
    }

    [Fact]
    public void Egress_should_leave_the_stall_timeout_to_the_runner_when_not_given()
    {
        Assert.Null(Assert.Single(Yaml.Load("simulation: {sim_id: L}\negress:\n  - {}").Egress).StallTimeout);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("30 days")]
    public void Egress_should_refuse_a_stall_timeout_of_zero_or_beyond_what_a_wait_can_take(string value)
    {
        var error = Error($"  - {{stall_timeout: {value}}}");

        Yaml.AssertAt(error, 3, 21, "egress[0].stall_timeout", "above zero and at most");
    }
}
