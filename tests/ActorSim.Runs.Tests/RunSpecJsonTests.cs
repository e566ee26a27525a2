using ActorSim.Egress;

namespace ActorSim.Runs.Tests;

public sealed class RunSpecJsonTests
{
    [Fact]
    public void A_spec_read_back_from_its_json_is_the_same_spec()
    {
        var spec = Specs.Resolve(Specs.TwoStagePlant, r => r with { Replication = 3, Engine = RunEngine.Windowed, Parallelism = 2, Format = ChunkFormat.Jsonl, KeepTelemetry = true });

        var json = RunSpecJson.Write(spec);
        var back = RunSpecJson.Read(json);

        Assert.Equal(json, RunSpecJson.Write(back));
        Assert.Equal(spec.Model, back.Model);
        Assert.Equal(spec.Sinks, back.Sinks);
        Assert.Equal(
            (spec.Start, spec.DurationSeconds, spec.Seed, spec.Replication, spec.Engine, spec.Parallelism, spec.Factor, spec.Layout),
            (back.Start, back.DurationSeconds, back.Seed, back.Replication, back.Engine, back.Parallelism, back.Factor, back.Layout));
    }

    [Theory]
    [InlineData(DateTimeKind.Unspecified)]
    [InlineData(DateTimeKind.Utc)]
    public void A_start_keeps_its_kind_across_json(DateTimeKind kind)
    {
        var spec = Specs.Resolve(ModelSource.FromCatalog("Line_A"), r => r with { Start = new DateTime(2026, 5, 6, 7, 8, 9, 123, kind) });

        var back = RunSpecJson.Read(RunSpecJson.Write(spec));

        Assert.Equal(spec.Start, back.Start);
        Assert.Equal(kind, back.Start.Kind);
    }

    [Fact]
    public void Json_names_are_snake_case_and_enums_are_words()
    {
        var json = RunSpecJson.Write(Specs.Resolve(ModelSource.FromCatalog("Line_A")));

        Assert.Contains("\"duration_seconds\":604800", json, StringComparison.Ordinal);
        Assert.Contains("\"engine\":\"actors\"", json, StringComparison.Ordinal);
        Assert.Contains("\"model\":{\"catalog\":\"Line_A\"}", json, StringComparison.Ordinal);
        Assert.DoesNotContain("run_seed", json, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_is_refused_naming_it()
    {
        var json = RunSpecJson.Write(Specs.Resolve(ModelSource.FromCatalog("Line_A"))).Replace("\"seed\":", "\"sede\":", StringComparison.Ordinal);

        var e = Assert.Throws<RunSpecException>(() => RunSpecJson.Read(json));

        Assert.Contains("sede", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_is_a_run_spec_error()
    {
        Assert.Throws<RunSpecException>(() => RunSpecJson.Read("{\"model\":"));
    }
}
