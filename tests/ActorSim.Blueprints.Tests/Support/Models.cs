using ActorSim.Engine;
using ActorSim.Model.Building;
using ActorSim.Model.Random;
using ActorSim.Model.Records;

namespace ActorSim.Blueprints.Tests.Support;

/// <summary>Compares models by what they define and by what they do.</summary>
internal static class Models
{
    /// <summary>Asserts the same tasks, steps, parameters, scenario and telemetry.</summary>
    public static void AssertSameDefinition(LineModel expected, LineModel actual)
    {
        Assert.Equal(expected.SimId, actual.SimId);
        Assert.Equal(expected.TelemetryInterval, actual.TelemetryInterval);
        Assert.Equal(expected.Scenario, actual.Scenario);
        Assert.Equal(expected.Tasks.Select(Describe), actual.Tasks.Select(Describe));
        Assert.Equal(Describe(expected), Describe(actual));
    }

    /// <summary>The records of a run of <paramref name="seconds"/> simulated seconds.</summary>
    public static IReadOnlyList<string> Run(LineModel model, ulong seed, double seconds)
    {
        var simulation = new Simulation(logicalStart: new DateTime(2026, 1, 1));
        var sink = new InMemoryRecordSink();
        model.Start(simulation, sink, RandomStream.Create(seed, model.SimId));
        simulation.Run(seconds);
        return sink.Records.Select(Format).ToArray();
    }

    /// <summary>A record as one comparable line: kind, time, key, path, status, number and value.</summary>
    public static string Format(SimRecord r) => $"{r.Kind} {r.SimTime:R} {r.Key} {r.PathId} {r.Status} {r.Number:R} {r.Value}";

    private static string Describe(TaskDefinition task) =>
        $"{task.Name} {task.Arrival} {task.KeyPrefix} [{string.Join("; ", task.Steps)}]";

    private static string Describe(LineModel model)
    {
        var p = model.CreateParameters();
        return string.Join("\n",
            p.Arrival.Select(e => $"arrival {e.Key} {e.Value}")
                .Concat(p.Service.Select(e => $"service {e.Key} {e.Value}"))
                .Concat(p.Resources.Select(e => $"resource {e.Key} {e.Value}"))
                .Concat(p.Containers.Select(e => $"container {e.Key} {e.Value} level={model.InitialLevel(e.Key)}"))
                .Concat(p.Stores.Select(e => $"store {e.Key} {e.Value}"))
                .Concat(p.Variables.Select(e => $"variable {e.Key} {e.Value} ({e.Value.GetType().Name})")));
    }
}
