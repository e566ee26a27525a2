namespace ActorSim.Engine.Tests.Support;

/// <summary>Collects "time name what" lines from a model, to compare with a hand-computed trace.</summary>
internal sealed class Trace(Simulation simulation)
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines => _lines;

    public void Add(string name, string what) => _lines.Add($"{simulation.Now} {name} {what}");
}
