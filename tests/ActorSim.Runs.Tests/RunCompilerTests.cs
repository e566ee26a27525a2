using System.Text;
using ActorSim.Egress;
using ActorSim.Egress.Storage;
using ActorSim.Model.Plants;

namespace ActorSim.Runs.Tests;

public sealed class RunCompilerTests
{
    [Fact]
    public void The_catalogs_reference_line_compiles_to_a_plant_of_that_line()
    {
        var run = RunCompiler.Compile(Specs.Resolve(ModelSource.FromCatalog("Line_A")));

        Assert.Equal("Line_A", Assert.Single(run.Plant.Lines).SimId);
        Assert.Equal("Line_A", run.Name);
        Assert.Equal("builtin:Line_A", Encoding.UTF8.GetString(run.ModelDefinition));
        Assert.Equal(string.Empty, run.LineFolder("Line_A"));
    }

    [Fact]
    public void A_blueprints_definition_is_its_text_and_a_plant_is_named_by_its_file()
    {
        var run = RunCompiler.Compile(Specs.Resolve(Specs.TwoStagePlant));

        Assert.Equal("two-stage-plant.yaml", run.Name);
        Assert.Equal(File.ReadAllText("Data/two-stage-plant.yaml"), Encoding.UTF8.GetString(run.ModelDefinition));
        Assert.True(run.Plant.Lines.Count > 1);
    }

    [Fact]
    public void Each_line_of_a_plant_gets_stores_in_its_own_folder()
    {
        var asked = new List<string>();
        var run = RunCompiler.Compile(Specs.Resolve(Specs.TwoStagePlant, r => r with { Destination = "dest" }), destination =>
        {
            asked.Add(destination);
            return ObjectStoreLocation.Parse(destination).CreateStore();
        });

        foreach (var line in run.Plant.Lines)
        {
            Assert.Single(run.SinksFor(line.SimId));
        }

        Assert.Equal(run.Plant.Lines.Select(l => $"dest/line={l.SimId}"), asked);
        Assert.Equal("line=" + run.Plant.Lines[0].SimId + "/", run.LineFolder(run.Plant.Lines[0].SimId));
    }

    [Fact]
    public void An_unknown_catalog_model_is_refused_listing_the_known_ones()
    {
        var spec = Specs.Resolve(ModelSource.FromCatalog("Line_A")) with { Model = ModelSource.FromCatalog("Line_Z") };

        var e = Assert.Throws<RunSpecException>(() => RunCompiler.Compile(spec));

        Assert.Contains("'Line_Z'", e.Message, StringComparison.Ordinal);
        Assert.Contains("Line_A", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plant_cannot_be_laid_out_as_a_single_line()
    {
        var spec = Specs.Resolve(Specs.TwoStagePlant) with { Layout = LineLayout.Single };

        var e = Assert.Throws<RunSpecException>(() => RunCompiler.Compile(spec));

        Assert.Contains($"is a plant of {RunCompiler.Compile(Specs.Resolve(Specs.TwoStagePlant)).Plant.Lines.Count} lines", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_spec_with_a_value_out_of_range_is_refused_naming_it()
    {
        var spec = Specs.Resolve(ModelSource.FromCatalog("Line_A"));

        Assert.Contains("duration", Assert.Throws<RunSpecException>(() => RunCompiler.Compile(spec with { DurationSeconds = -1 })).Message, StringComparison.Ordinal);
        Assert.Contains("batch size 0", Assert.Throws<RunSpecException>(
            () => RunCompiler.Compile(spec with { Sinks = [spec.Sinks[0] with { BatchSize = 0 }] })).Message, StringComparison.Ordinal);
        Assert.Contains("exactly one", Assert.Throws<RunSpecException>(
            () => RunCompiler.Compile(spec with { Model = new ModelSource() })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_spec_that_crossed_as_json_writes_the_same_bytes_as_the_original()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        var spec = Specs.Resolve(Specs.TwoStagePlant, r => r with { DurationSeconds = 3600, Format = ChunkFormat.Jsonl });
        var crossed = RunSpecJson.Read(RunSpecJson.Write(spec));

        await RunSequentiallyAsync(spec with { Sinks = [spec.Sinks[0] with { Destination = first.Path }] });
        await RunSequentiallyAsync(crossed with { Sinks = [crossed.Sinks[0] with { Destination = second.Path }] });

        var files = first.Files();
        Assert.NotEmpty(files);
        Assert.Equal(files, second.Files());
        foreach (var file in files)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first.Path, file)), File.ReadAllBytes(Path.Combine(second.Path, file)));
        }
    }

    [Fact]
    public async Task Merged_lines_write_into_one_destination_with_the_line_in_each_chunk_name()
    {
        using var folder = new TempFolder();
        var spec = Specs.Resolve(Specs.TwoStagePlant, r => r with { DurationSeconds = 600, MergeLines = true, Format = ChunkFormat.Jsonl, Destination = folder.Path });

        await RunSequentiallyAsync(spec);

        var run = RunCompiler.Compile(spec);
        foreach (var line in run.Plant.Lines)
        {
            Assert.Contains(folder.Files(), f => f.StartsWith($"events_{line.SimId}", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(folder.Files(), f => f.Contains('/', StringComparison.Ordinal));
    }

    [Fact]
    public void Replication_zero_runs_on_the_seed_and_later_ones_on_distinct_derived_seeds()
    {
        Assert.Equal(42UL, ReplicationSeeds.For(42, 0));
        var seeds = Enumerable.Range(1, 1000).Select(r => ReplicationSeeds.For(42, r)).ToArray();
        Assert.Equal(1000, seeds.Distinct().Count());
        Assert.DoesNotContain(42UL, seeds);
        Assert.Equal(seeds, Enumerable.Range(1, 1000).Select(r => ReplicationSeeds.For(42, r)));
        Assert.NotEqual(ReplicationSeeds.For(42, 1), ReplicationSeeds.For(43, 1));
    }

    private static async Task RunSequentiallyAsync(RunSpec spec)
    {
        var run = RunCompiler.Compile(spec);
        var pipelines = new List<EgressPipeline>();
        new SequentialPlantRunner(run.Plant).Run(spec.RunSeed, spec.DurationSeconds, line =>
        {
            var pipeline = new EgressPipeline(spec.Start, run.SinksFor(line.SimId));
            pipelines.Add(pipeline);
            return pipeline;
        });
        foreach (var pipeline in pipelines)
        {
            await pipeline.CompleteAsync();
            await pipeline.DisposeAsync();
        }
    }
}
