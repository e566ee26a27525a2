namespace ActorSim.Blueprints.Tests;

public class BlueprintsProjectTests
{
    [Fact]
    public void Blueprints_assembly_should_load()
    {
        Assert.Equal("ActorSim.Blueprints", typeof(ActorSim.Blueprints.BlueprintsAssembly).Assembly.GetName().Name);
    }
}
