using ActorSim.Blueprints;

namespace ActorSim.Snapshots.Tests.Support;

/// <summary>The repository's example blueprints, and a hand-off line, as the tests' models.</summary>
internal static class Examples
{
    /// <summary>Hand-offs, two priorities and a scenario (a shrink of the press and a stop of rush arrivals, then both undone at 40 mins).</summary>
    public const string HandOffLine = """
        simulation: {sim_id: Line_H, seed: 7, start: "2026-03-01T06:00:00"}
        arrivals:   {standard: {dist: exponential, rate: 0.9}, rush: {dist: exponential, rate: 0.1}}
        services:   {cutting: {dist: uniform, min: 1.0, max: 2.0}, pressing: {dist: normal, mean: 2.2, std: 0.3}, checking: {dist: constant, value: 0.5}}
        resources:  {cutter: {current_cap: 2, max_cap: 4}, press: {current_cap: 2, max_cap: 4}, checker: {current_cap: 1, max_cap: 1}}
        tasks:
          part: {arrival: standard, steps: [{resource: cutter, service: cutting}, {resource: press, service: pressing, hand_off: true}, {resource: checker, service: checking}]}
          rush: {arrival: rush, key_prefix: rush-, steps: [{resource: press, service: pressing, priority: 0}]}
        scenario:
          - {at: 20 mins, path: Line_H.arrival.rush.rate, value: 0.0}
          - {at: 30 mins, path: Line_H.resources.press.current_cap, value: 1}
          - {at: 40 mins, path: Line_H.resources.press.current_cap, value: 2}
          - {at: 40 mins, path: Line_H.arrival.rush.rate, value: 0.2}
        """;

    /// <summary><c>examples/&lt;name&gt;</c>, loaded as a plant.</summary>
    public static PlantBlueprint Load(string name) => BlueprintLoader.LoadPlant(Path.Combine(Root, "examples", name));

    public static PlantBlueprint HandOff() => BlueprintLoader.LoadPlantFromText(HandOffLine, "hand-off.yaml");

    private static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ActorSim.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("ActorSim.sln not found above the test binaries.");
    }
}
