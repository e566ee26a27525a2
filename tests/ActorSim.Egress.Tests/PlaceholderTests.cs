namespace ActorSim.Egress.Tests;

public class EgressProjectTests
{
    [Fact]
    public void Egress_assembly_should_load()
    {
        Assert.Equal("ActorSim.Egress", typeof(ActorSim.Egress.EgressAssembly).Assembly.GetName().Name);
    }
}
