using ActorSim.Actors.Tests.Support;
using ActorSim.Egress;
using ActorSim.Egress.Checkpoints;
using ActorSim.Egress.Destinations;
using ActorSim.Egress.Routing;
using ActorSim.Egress.Storage;
using ActorSim.Model.Building;
using ActorSim.Model.Plants;

namespace ActorSim.Actors.Tests.Checkpoints;

/// <summary>
/// Consistent checkpoints of a plant run on the actor engine: a run restored from one (engine state and egress state)
/// into a store that holds the chunks stored before it writes the files of a run that never stopped, byte for byte.
/// </summary>
[Collection(ActorsCollection.Name)]
public sealed class RunCheckpointTests : IDisposable
{
    private static readonly DateTime Start = new(2026, 3, 1, 6, 0, 0, DateTimeKind.Unspecified);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "actorsim-checkpoints-" + Guid.NewGuid().ToString("N"));

    public static TheoryData<string, ChunkFormat> Plants => new()
    {
        { "two-stage", ChunkFormat.Parquet },
        { "rework-loop", ChunkFormat.Jsonl },
    };

    [Theory]
    [MemberData(nameof(Plants))]
    public async Task A_run_restored_from_a_checkpoint_should_write_the_files_of_a_run_that_never_stopped(string name, ChunkFormat format)
    {
        var plant = name == "two-stage" ? ReferenceModels.TwoStagePlant() : ReferenceModels.ReworkLoopPlant();
        var whole = Path.Combine(_root, "whole");
        var restored = Path.Combine(_root, "restored");
        var checkpoints = new List<RunCheckpoint>();
        await using var host = ActorSimHost.Start(TestConfig.Settings with { Parallelism = 2 });

        var first = await host.StartRunAsync(
            plant, new PlantRunOptions { Seed = 11, Until = 3 * 3600, LogicalStart = Start }, SinkFor(whole, format, null), runId: "whole-" + name,
            checkpoints: new RunCheckpoints([1800, 3600, 5400, 7200, 9000], checkpoints.Add));
        await first.Completion;
        var from = checkpoints[2];
        foreach (var chunk in checkpoints.Take(3).SelectMany(c => c.Lines).SelectMany(l => l.Chunks))
        {
            var target = Path.Combine(restored, chunk.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(whole, chunk.Path), target);
        }

        var second = await host.StartRunAsync(
            plant, new PlantRunOptions { Seed = 11, Until = 3 * 3600, LogicalStart = Start, From = from.Snapshot }, SinkFor(restored, format, from), runId: "restored-" + name);
        await second.Completion;

        Assert.Equal([1800, 3600, 5400, 7200, 9000], checkpoints.Select(c => c.Snapshot.AsOf));
        Assert.Contains(from.Lines, l => EgressCheckpointCodec.Read(l.Egress).Any(s => s.Destinations.Any(d => d.Pending.Count > 0)));
        var files = Files(whole);
        Assert.Equal(files, Files(restored));
        Assert.All(files, f => Assert.Equal(File.ReadAllBytes(Path.Combine(whole, f)), File.ReadAllBytes(Path.Combine(restored, f))));
        var listed = checkpoints.SelectMany(c => c.Lines).SelectMany(l => l.Chunks).Select(c => c.Path).ToList();
        Assert.Equal(listed.Count, listed.Distinct(StringComparer.Ordinal).Count());
        Assert.Subset(files.ToHashSet(StringComparer.Ordinal), listed.ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_run_should_refuse_snapshots_and_checkpoints_together()
    {
        await using var host = ActorSimHost.Start(TestConfig.Settings);
        var options = new PlantRunOptions { Seed = 1, Until = 3600, SnapshotTimes = [600] };

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            host.StartRunAsync(ReferenceModels.TwoStagePlant(), options, _ => new ActorSim.Model.Records.CountingRecordSink(), checkpoints: new RunCheckpoints([1200], _ => { })));

        Assert.Contains("snapshots or checkpoints, not both", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static string[] Files(string root) =>
        [.. Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    /// <summary>Each line's egress into <c>line=&lt;sim_id&gt;/</c> of <paramref name="root"/>, its chunks logged; resumed from <paramref name="from"/> when given.</summary>
    private static Func<LineModel, ActorSim.Model.Records.IRecordSink> SinkFor(string root, ChunkFormat format, RunCheckpoint? from) =>
        line =>
        {
            var folder = PerLineEgress.FolderOf(line.SimId);
            var sinks = new[]
            {
                new SinkOptions
                {
                    Name = "history", Store = new LocalObjectStore(Path.Combine(root, folder)), Router = Routers.ByStreamType("events", "telemetry"),
                    Format = format, BatchSize = 97, FlushInterval = 600, ChunkLog = new ChunkQueue(line.SimId, folder),
                },
            };
            var resume = from?.Lines.Single(l => l.SimId == line.SimId).Egress is { Length: > 0 } bytes ? EgressCheckpointCodec.Read(bytes) : null;
            return new ActorEgress(Start, sinks, CancellationToken.None, resume);
        };
}
