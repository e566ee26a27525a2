using ActorSim.Model.Plants;
using ActorSim.Model.Records;

namespace ActorSim.Blueprints.Tests.Support;

/// <summary>Runs plants with the sequential reference runner and compares them line by line.</summary>
internal static class Plants
{
    /// <summary>Each line's records (see <see cref="Models.Format"/>), keyed by sim_id, after <paramref name="seconds"/> simulated seconds.</summary>
    public static IReadOnlyDictionary<string, string[]> Run(PlantModel plant, ulong seed, double seconds)
    {
        var sinks = new Dictionary<string, InMemoryRecordSink>(StringComparer.Ordinal);
        new SequentialPlantRunner(plant).Run(seed, seconds, line => sinks[line.SimId] = new InMemoryRecordSink());
        return sinks.ToDictionary(p => p.Key, p => p.Value.Records.Select(Models.Format).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Asserts the same lines in the same order, the same links and, line by line, the same definitions.</summary>
    public static void AssertSameDefinition(PlantModel expected, PlantModel actual)
    {
        Assert.Equal(expected.Lines.Select(l => l.SimId), actual.Lines.Select(l => l.SimId));
        Assert.Equal(expected.Links.Select(Describe), actual.Links.Select(Describe));
        foreach (var (line, index) in expected.Lines.Select((l, i) => (l, i)))
        {
            Models.AssertSameDefinition(line, actual.Lines[index]);
            Assert.Equal(line.Tasks.Select(Sends), actual.Lines[index].Tasks.Select(Sends));
        }
    }

    private static string Describe(LinkDefinition link) => $"{link.Name} {link.From}->{link.To} {link.Lookahead:R} {link.Delay}";

    private static string Sends(Model.Building.TaskDefinition task) =>
        $"{task.Name} from {task.FromLink} to [{string.Join("; ", task.Sends.Select(c =>
            $"{c.Link} {c.Weight:R} {string.Join(",", (c.Attributes ?? new Dictionary<string, object>()).Select(a => $"{a.Key}={a.Value}({a.Value.GetType().Name})"))}"))}]";
}
