namespace ActorSim.Blueprints.Tests.Support;

/// <summary>Loads inline blueprints and captures their errors.</summary>
internal static class Yaml
{
    public const string Source = "test.yaml";

    /// <summary>The example of issue 3, section 5 (also examples/line.yaml).</summary>
    public const string Example = """
        simulation: {sim_id: Line_A, seed: 42, start: "2026-01-01T00:00:00", duration: 1 week}
        arrivals:   {standard: {dist: exponential, rate: 2.0}}
        services:   {milling: {dist: normal, mean: 2.0, std: 0.2}}
        resources:  {lathe: {current_cap: 4, max_cap: 10}}
        tasks:      {part: {arrival: standard, steps: [{resource: lathe, service: milling}]}}
        telemetry:  {interval: 60 s}
        scenario:   [{at: 3 days, path: Line_A.resources.lathe.current_cap, value: 6}]
        egress:     [{format: jsonl, dest: out, drop: [telemetry], flatten: true, path: events.jsonl}]
        """;

    /// <summary>A minimal valid line to append sections to.</summary>
    public const string Minimal = """
        simulation: {sim_id: L}
        arrivals: {a: {dist: exponential, rate: 1}}
        services: {s: {dist: constant, value: 1}}
        resources: {r: {current_cap: 1}}
        """;

    /// <summary>
    /// A minimal valid plant: line A (lines 3-7) sends every item over link ab (line 13) to line B (lines 8-11).
    /// </summary>
    public const string MinimalPlant = """
        simulation: {seed: 7}
        lines:
          A:
            arrivals: {a: {dist: exponential, rate: 1}}
            services: {s: {dist: constant, value: 1}}
            resources: {r: {current_cap: 1}}
            tasks: {t: {arrival: a, steps: [{resource: r, service: s}], send_to: ab}}
          B:
            services: {s: {dist: constant, value: 1}}
            resources: {r: {current_cap: 1}}
            tasks: {u: {from_link: ab, steps: [{resource: r, service: s}]}}
        links:
          ab: {from: A, to: B, lookahead: 2 s}
        """;

    public static PlantBlueprint LoadPlant(string yaml) => BlueprintLoader.LoadPlantFromText(yaml, Source, Options(null, null));

    public static BlueprintException PlantError(string yaml) => Assert.Throws<BlueprintException>(() => LoadPlant(yaml));

    public static Blueprint Load(string yaml, IReadOnlyDictionary<string, string>? environment = null, DateTimeOffset? now = null) =>
        BlueprintLoader.LoadFromText(yaml, Source, Options(environment, now));

    public static BlueprintException Error(string yaml, IReadOnlyDictionary<string, string>? environment = null) =>
        Assert.Throws<BlueprintException>(() => Load(yaml, environment));

    /// <summary>Asserts the error's location, key path and that its message contains every fragment.</summary>
    public static void AssertAt(BlueprintException error, int line, int column, string keyPath, params string[] fragments)
    {
        Assert.StartsWith($"{Source}:{line}:{column}: ", error.Message);
        Assert.Equal((line, column, keyPath), (error.Line, error.Column, error.KeyPath));
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, error.Message);
        }
    }

    private static BlueprintOptions Options(IReadOnlyDictionary<string, string>? environment, DateTimeOffset? now) => new()
    {
        Environment = name => environment is not null && environment.TryGetValue(name, out var value) ? value : null,
        Clock = new FixedClock(now ?? new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero)),
    };
}
