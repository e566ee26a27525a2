using ActorSim.Actors.Tests.Support;
using ActorSim.Egress;
using ActorSim.Egress.Checkpoints;
using ActorSim.Egress.Destinations;
using ActorSim.Egress.Routing;
using ActorSim.Egress.Storage;
using ActorSim.Model.Building;
using ActorSim.Model.Plants;
using ActorSim.Model.Records;
using ActorSim.Model.Snapshots;

namespace ActorSim.Actors.Tests.Checkpoints;

/// <summary>
/// Consistent checkpoints of a plant run on the actor engine: a run replayed from them (engine state from one, the
/// sinks skipping what the latest had stored) into a store that holds the chunks stored before the latest writes the
/// files of a run that never stopped, byte for byte.
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
    public async Task A_run_replayed_from_its_checkpoints_should_write_the_files_of_a_run_that_never_stopped(string name, ChunkFormat format)
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
        // Lost after the third checkpoint: replayed from the latest one every sink can replay from.
        var plan = RestorePlan.Of(checkpoints.Take(3).ToList());
        foreach (var chunk in checkpoints.Take(3).SelectMany(c => c.Lines).SelectMany(l => l.Chunks))
        {
            var target = Path.Combine(restored, chunk.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(whole, chunk.Path), target);
        }

        var second = await host.StartRunAsync(
            plant, new PlantRunOptions { Seed = 11, Until = 3 * 3600, LogicalStart = Start, From = plan.From }, SinkFor(restored, format, plan), runId: "restored-" + name);
        await second.Completion;

        Assert.Equal([1800, 3600, 5400, 7200, 9000], checkpoints.Select(c => c.AsOf));
        Assert.Same(checkpoints[2], plan.Stored);
        Assert.NotNull(plan.ReplayFrom);
        Assert.Contains(plan.Stored.Lines, l => EgressCheckpointCodec.ReadCheckpoints(l.Egress).Any(s => s.Destinations.Any(d => d.Pending > 0)));
        var files = Files(whole);
        Assert.Equal(files, Files(restored));
        Assert.All(files, f => Assert.Equal(File.ReadAllBytes(Path.Combine(whole, f)), File.ReadAllBytes(Path.Combine(restored, f))));
        var listed = checkpoints.SelectMany(c => c.Lines).SelectMany(l => l.Chunks).Select(c => c.Path).ToList();
        Assert.Equal(listed.Count, listed.Distinct(StringComparer.Ordinal).Count());
        Assert.Subset(files.ToHashSet(StringComparer.Ordinal), listed.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// The lines run across a checkpoint's instant, each capturing its state inside its grant, and the coordinator counts
    /// the items in transit: the checkpoint must be the snapshot the reference engine takes with everything stopped there,
    /// also in a run resumed from a snapshot, whose items in transit the coordinator never handed over.
    /// </summary>
    [Theory]
    [MemberData(nameof(Plants))]
    public async Task A_checkpoint_taken_while_the_lines_run_across_its_instant_should_be_the_reference_engines_snapshot_there(string name, ChunkFormat format)
    {
        var plant = name == "two-stage" ? ReferenceModels.TwoStagePlant() : ReferenceModels.ReworkLoopPlant();
        double[] times = [1800, 1800.5, 3600, 5400, 6000.5];
        var reference = new List<ModelSnapshot>();
        new SequentialPlantRunner(plant).Run(
            new PlantRunOptions { Seed = 11, Until = 2 * 3600, LogicalStart = Start, SnapshotTimes = times, SnapshotTaken = reference.Add },
            _ => new CountingRecordSink(), CancellationToken.None);
        var checkpoints = new List<RunCheckpoint>();
        await using var host = ActorSimHost.Start(TestConfig.Settings with { Parallelism = 2 });

        var run = await host.StartRunAsync(
            plant, new PlantRunOptions { Seed = 11, Until = 2 * 3600, LogicalStart = Start }, SinkFor(Path.Combine(_root, "run"), format, null), runId: "across-" + name,
            checkpoints: new RunCheckpoints(times, checkpoints.Add));
        await run.Completion;

        // From the first snapshot, half a second before the next instant: the items in transit there, scheduled by the
        // lines' restore rather than handed over by the coordinator, are still on their way at it.
        var resumed = new List<RunCheckpoint>();
        var fromSnapshot = await host.StartRunAsync(
            plant, new PlantRunOptions { Seed = 11, Until = 2 * 3600, LogicalStart = Start, From = reference[0] }, SinkFor(Path.Combine(_root, "resumed"), format, null),
            runId: "resumed-" + name, checkpoints: new RunCheckpoints(times[1..], resumed.Add));
        await fromSnapshot.Completion;

        Assert.Equal(times.Length, reference.Count);
        Assert.Contains(reference[0].Lines, l => l.InTransit.Any(i => i.ArrivalAt > times[1]));
        Assert.Equal(reference.Select(SnapshotJson.Write), checkpoints.Select(c => SnapshotJson.Write(c.Snapshot)));
        Assert.Equal(reference.Skip(1).Select(SnapshotJson.Write), resumed.Select(c => SnapshotJson.Write(c.Snapshot)));
    }

    /// <summary>
    /// A pause curtails the lines' grants, perhaps before an instant a line was to capture: that checkpoint is skipped,
    /// and every checkpoint taken, before or after, is still the reference engine's snapshot at its instant.
    /// </summary>
    [Fact]
    public async Task Checkpoints_taken_around_a_pause_should_be_the_reference_engines_snapshots()
    {
        var plant = ReferenceModels.TwoStagePlant(5);
        var times = Enumerable.Range(1, 23).Select(i => i * 600.0).ToArray();
        var reference = new Dictionary<double, string>();
        new SequentialPlantRunner(plant).Run(
            new PlantRunOptions { Seed = 42, Until = 4 * 3600, LogicalStart = Start, SnapshotTimes = times, SnapshotTaken = s => reference[s.AsOf] = SnapshotJson.Write(s) },
            _ => new CountingRecordSink(), CancellationToken.None);
        var checkpoints = new List<RunCheckpoint>();
        await using var host = ActorSimHost.Start(TestConfig.Settings with { Parallelism = 2, ProgressInterval = 60 });
        using var gate = new GatedSink();

        var run = await host.StartRunAsync(
            plant, new PlantRunOptions { Seed = 42, Until = 4 * 3600, LogicalStart = Start }, line => line.SimId == plant.Lines[^1].SimId ? gate : new CountingRecordSink(),
            runId: "paused-checkpoints", checkpoints: new RunCheckpoints(times, checkpoints.Add));
        await gate.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        var pausing = run.PauseAsync();
        gate.Open();
        await pausing;
        await run.ResumeAsync();
        await run.Completion;

        Assert.True(checkpoints.Count >= times.Length / 2, $"{checkpoints.Count} checkpoints taken");
        Assert.All(checkpoints, c => Assert.Equal(reference[c.AsOf], SnapshotJson.Write(c.Snapshot)));
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
    private static Func<LineModel, ActorSim.Model.Records.IRecordSink> SinkFor(string root, ChunkFormat format, RestorePlan? plan) =>
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
            var index = plan?.Stored.Lines.Select(l => l.SimId).ToList().IndexOf(line.SimId) ?? -1;
            var resume = index >= 0 && plan!.Resume[index] is { Length: > 0 } bytes ? EgressCheckpointCodec.ReadResumes(bytes) : null;
            return new ActorEgress(Start, sinks, CancellationToken.None, resume);
        };
}
