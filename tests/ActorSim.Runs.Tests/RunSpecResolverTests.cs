using ActorSim.Egress;

namespace ActorSim.Runs.Tests;

public sealed class RunSpecResolverTests
{
    [Fact]
    public void The_reference_line_gets_the_reference_jobs_sink_and_defaults()
    {
        var spec = Specs.Resolve(ModelSource.FromCatalog("Line_A"));

        Assert.Equal(Specs.DefaultStart, spec.Start);
        Assert.Equal(7 * 86400, spec.DurationSeconds);
        Assert.Equal(42UL, spec.Seed);
        Assert.Equal(LineLayout.Single, spec.Layout);
        var sink = Assert.Single(spec.Sinks);
        Assert.Equal(("history", "data", "events.parquet", (string?)null), (sink.Name, sink.Destination, sink.Events, sink.Telemetry));
        Assert.True(sink.DropTelemetry && sink.DropLag && sink.Flatten && !sink.DropEvents && !sink.PartitionByDate);
        Assert.Equal((5000, 86400.0, 30.0), (sink.BatchSize, sink.FlushInterval, sink.StallTimeoutSeconds));
    }

    [Fact]
    public void Kept_telemetry_goes_to_a_file_of_its_own_in_the_requested_format()
    {
        var sink = Assert.Single(Specs.Resolve(ModelSource.FromCatalog("Line_A"), r => r with { KeepTelemetry = true, Format = ChunkFormat.Jsonl }).Sinks);

        Assert.Equal(("events.jsonl", "telemetry.jsonl", false), (sink.Events, sink.Telemetry, sink.DropTelemetry));
    }

    [Fact]
    public void A_blueprints_values_apply_under_the_requests()
    {
        var fromBlueprint = Specs.Resolve(Specs.Line);
        var overridden = Specs.Resolve(Specs.Line, r => r with { Seed = 7, DurationSeconds = 60, Destination = "elsewhere", BatchSize = 10 });

        Assert.Equal((new DateTime(2026, 1, 1), 7 * 86400.0, 42UL), (fromBlueprint.Start, fromBlueprint.DurationSeconds, fromBlueprint.Seed));
        var sink = Assert.Single(fromBlueprint.Sinks);
        Assert.Equal((ChunkFormat.Jsonl, "out", "events.jsonl", true, true), (sink.Format, sink.Destination, sink.Events, sink.DropTelemetry, sink.Flatten));
        Assert.Equal((7UL, 60.0), (overridden.Seed, overridden.DurationSeconds));
        Assert.Equal(("elsewhere", 10), (overridden.Sinks[0].Destination, overridden.Sinks[0].BatchSize));
    }

    [Fact]
    public void A_plant_writes_into_line_folders_or_merged_into_one_destination()
    {
        Assert.Equal(LineLayout.Folders, Specs.Resolve(Specs.TwoStagePlant).Layout);
        Assert.Equal(LineLayout.Merged, Specs.Resolve(Specs.TwoStagePlant, r => r with { MergeLines = true }).Layout);
        Assert.Equal("out/two-stage-plant", Assert.Single(Specs.Resolve(Specs.TwoStagePlant).Sinks).Destination);
    }

    [Fact]
    public void Merging_lines_of_a_single_line_is_refused()
    {
        var e = Assert.Throws<RunSpecException>(() => Specs.Resolve(Specs.Line, r => r with { MergeLines = true }));

        Assert.Contains("--merge-lines is for plants", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_ending_after_the_last_timestamp_is_refused_naming_where_start_and_duration_came_from()
    {
        var e = Assert.Throws<RunSpecException>(() => Specs.Resolve(Specs.Line, r => r with { Start = new DateTime(9999, 12, 31) }));

        Assert.Contains("(--start)", e.Message, StringComparison.Ordinal);
        Assert.Contains("(simulation.duration in Data/line.yaml)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_sinks_writing_one_file_are_refused_naming_both()
    {
        const string yaml = """
            simulation: {sim_id: L}
            arrivals: {a: {dist: exponential, rate: 1}}
            services: {s: {dist: exponential, rate: 2}}
            resources: {r: {current_cap: 1, max_cap: 1}}
            tasks: {t: {arrival: a, steps: [{resource: r, service: s}]}}
            egress: [{name: a, dest: one, path: e.jsonl, format: jsonl}, {name: b, dest: two, path: e.jsonl, format: jsonl}]
            """;
        var model = ModelSource.FromBlueprint(yaml, "two-sinks.yaml");

        Assert.Equal(2, Specs.Resolve(model).Sinks.Count);
        var e = Assert.Throws<RunSpecException>(() => Specs.Resolve(model, r => r with { Destination = "same" }));
        Assert.Contains("sinks 'a' and 'b' would both write 'same/e.jsonl'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blueprint_error_names_the_file_line_and_column()
    {
        var model = ModelSource.FromBlueprint("simulation: {sim_id: L}\narrivals: {a: {dist: nonsense}}\n", "broken.yaml");

        var e = Assert.Throws<RunSpecException>(() => Specs.Resolve(model));

        Assert.StartsWith("broken.yaml:2:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_destination_is_refused_before_any_store_is_made()
    {
        var e = Assert.Throws<RunSpecException>(() => Specs.Resolve(ModelSource.FromCatalog("Line_A"), r => r with { Destination = "s3://A_Bad_Bucket/x" }));

        Assert.Contains("A_Bad_Bucket", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paced_plant_needs_the_actor_engine()
    {
        var yaml = File.ReadAllText("Data/two-stage-plant.yaml").Replace("simulation: {", "simulation: {factor: 60, ", StringComparison.Ordinal);
        Assert.Contains("factor: 60", yaml, StringComparison.Ordinal);
        var model = ModelSource.FromBlueprint(yaml, "paced.yaml");

        var e = Assert.Throws<RunSpecException>(() => Specs.Resolve(model, r => r with { Engine = RunEngine.Windowed }));

        Assert.Contains("paced.yaml: simulation.factor 60 paces the plant", e.Message, StringComparison.Ordinal);
        Assert.Equal(60, Specs.Resolve(model).Factor);
    }
}
