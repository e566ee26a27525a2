using ActorSim.Runs;

namespace ActorSim.Runs.Tests;

/// <summary>Requests and specs the tests share: the examples' blueprints, read as a user's would be.</summary>
internal static class Specs
{
    public static readonly DateTime DefaultStart = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Unspecified);

    public static ModelSource Line => ModelSource.FromBlueprint(File.ReadAllText("Data/line.yaml"), "Data/line.yaml");

    public static ModelSource TwoStagePlant => ModelSource.FromBlueprint(File.ReadAllText("Data/two-stage-plant.yaml"), "Data/two-stage-plant.yaml");

    public static RunSpec Resolve(ModelSource model, Func<RunRequest, RunRequest>? with = null)
    {
        var request = new RunRequest { Model = model };
        return RunSpecResolver.Resolve(with is null ? request : with(request), DefaultStart);
    }
}
