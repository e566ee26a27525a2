using ActorSim.Cluster.Tests.Support;
using ActorSim.Egress.Destinations;
using ActorSim.Egress.Storage;
using ActorSim.Runs;
using ActorSim.Runs.Execution;

namespace ActorSim.Cluster.Tests;

/// <summary>
/// A plant's lines on worker nodes in this process (every message serialized, the lines deployed into the workers'
/// systems), the coordinator on the client: the files are the reference engine's, byte for byte.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterPlantTests : IDisposable
{
    private static readonly DateTime Start = new(2026, 3, 1, 8, 0, 0);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "actorsim-cluster-plant-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root) && Environment.GetEnvironmentVariable("KEEP_TEST_OUTPUT") is null)
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Theory]
    [InlineData("two-stage", 1, PlacementRule.Spread)]
    [InlineData("two-stage", 2, PlacementRule.Spread)]
    [InlineData("two-stage", 3, PlacementRule.Spread)]
    [InlineData("two-stage", 3, PlacementRule.Together)]
    [InlineData("rework-loop", 1, PlacementRule.Spread)]
    [InlineData("rework-loop", 2, PlacementRule.Spread)]
    [InlineData("rework-loop", 3, PlacementRule.Spread)]
    [InlineData("rework-loop", 2, PlacementRule.Together)]
    public async Task A_plant_whose_lines_run_on_worker_nodes_writes_the_reference_engines_bytes(string model, int workers, PlacementRule placement)
    {
        var reference = Compile(model, "reference", RunEngine.Reference);
        await using (var outputs = await OpenAsync(reference))
        {
            var done = await RunExecutor.RunAsync(reference, new RunExecution { SinksFor = outputs.SinksFor });
            await outputs.CompleteAsync(RunStatus.Succeeded, null, SinkReports(done));
        }

        await using var cluster = new TestCluster();
        for (var i = 0; i < workers; i++)
        {
            cluster.Start("worker", serializeMessages: true);
        }

        var client = cluster.Start("client", serializeMessages: true);
        await cluster.WhenAllUpAsync(TimeSpan.FromSeconds(20));
        var spread = Compile(model, "cluster", RunEngine.Actors);
        ClusterRunOutcome outcome;
        await using (var outputs = await OpenAsync(spread))
        {
            outcome = await new ClusterPlantRunner(client) { MinWorkers = workers, Placement = placement }.RunAsync(spread, outputs, outputs.RunId, new RunExecution());
            await outputs.CompleteAsync(RunStatus.Succeeded, null, SinkReports(outcome.Outcome));
        }

        Assert.Equal(Files(Path.Combine(_root, "reference")), Files(Path.Combine(_root, "cluster")));
        var nodes = cluster.Nodes.Where(n => n != client).Select(n => new PlacementNode(n.Address, [])).ToArray();
        Assert.Equal(LinePlacement.Place(spread.Plant, nodes, new Dictionary<string, string>(), placement).Select(a => a.ToString()), outcome.Placement.Select(p => p.Node));
        if (placement == PlacementRule.Together)
        {
            var nodeOf = outcome.Placement.ToDictionary(p => p.Line, p => p.Node);
            var (first, second) = model == "two-stage" ? ("Machining_1", "Assembly_1") : ("Machining", "Inspection");
            Assert.Equal(nodeOf[first], nodeOf[second]);
        }
        var (expected, actual) = (await ManifestAsync("reference"), await ManifestAsync("cluster"));
        Assert.Equal(expected.Chunks, actual.Chunks);
        Assert.Equal(expected.Sinks, actual.Sinks);
        Assert.Equal(Math.Min(workers, spread.Plant.Lines.Count), outcome.Placement.Select(p => p.Node).Distinct().Count());
        Assert.DoesNotContain(outcome.Placement, p => p.Node == client.Address.ToString());
        Assert.True(outcome.Outcome.Stats.Rounds > 0);
    }

    [Fact]
    public async Task A_run_whose_lines_wrote_thousands_of_chunks_lists_every_one_in_its_manifest()
    {
        await using var cluster = new TestCluster();
        cluster.Start("worker");
        var client = cluster.Start("client");
        await cluster.WhenAllUpAsync(TimeSpan.FromSeconds(20));
        var run = Compile("two-stage", "small-chunks", RunEngine.Actors, batchSize: 100);

        await using (var outputs = await OpenAsync(run))
        {
            var outcome = await new ClusterPlantRunner(client).RunAsync(run, outputs, outputs.RunId, new RunExecution());
            await outputs.CompleteAsync(RunStatus.Succeeded, null, SinkReports(outcome.Outcome));
        }

        var files = Files(Path.Combine(_root, "small-chunks"));
        var manifest = await ManifestAsync("small-chunks");
        Assert.True(files.Count > 4000, $"{files.Count} chunks: too few to need several pages");
        Assert.Equal(files.Select(f => f.Path), manifest.Chunks.Select(c => c.Path));
        Assert.Equal(manifest.Sinks.Sum(s => s.Written), manifest.Chunks.Sum(c => c.Rows));
    }

    [Theory]
    [InlineData("two-stage", PlacementRule.Spread)]
    [InlineData("two-stage", PlacementRule.Together)]
    [InlineData("rework-loop", PlacementRule.Spread)]
    public async Task A_run_with_checkpoints_that_loses_a_node_hosting_lines_restores_them_and_writes_the_reference_engines_bytes(string model, PlacementRule placement)
    {
        // Placed together, lines on one node pass items straight, and the checkpoints list those in transit from the reports.
        const string DownQuickly = "akka.cluster.split-brain-resolver.stable-after = 2s";
        var reference = Compile(model, "reference", RunEngine.Reference, hours: 48);
        await using (var outputs = await OpenAsync(reference))
        {
            var done = await RunExecutor.RunAsync(reference, new RunExecution { SinksFor = outputs.SinksFor });
            await outputs.CompleteAsync(RunStatus.Succeeded, null, SinkReports(done));
        }

        await using var cluster = new TestCluster();
        var client = cluster.Start("client", overrides: DownQuickly);
        cluster.Start("worker", overrides: DownQuickly);
        var doomed = cluster.Start("worker", overrides: DownQuickly);
        await cluster.WhenAllUpAsync(TimeSpan.FromSeconds(20));
        var spread = Compile(model, "cluster", RunEngine.Actors, hours: 48);
        var recovering = new TaskCompletionSource<ClusterRecovery>(TaskCreationOptions.RunContinuationsAsynchronously);
        ClusterRunOutcome outcome;
        await using (var outputs = await OpenAsync(spread))
        {
            // Slow lines (a sink that takes its time) keep the run going while the node is lost and found lost.
            var running = new ClusterPlantRunner(client) { MinWorkers = 2, CheckpointEvery = 3600, Placement = placement, Recovering = r => recovering.TrySetResult(r) }
                .RunAsync(spread, outputs, outputs.RunId, new RunExecution());
            var checkpoint = Path.Combine(_root, "cluster", DestinationSession.CheckpointFolder, outputs.RunId + ".json");
            while (!File.Exists(checkpoint) && !running.IsCompleted)
            {
                await Task.Delay(5);
            }

            await cluster.BlackholeAsync(doomed);
            outcome = await running;
            await outputs.CompleteAsync(RunStatus.Succeeded, null, SinkReports(outcome.Outcome));
        }

        // The cut-off node, alive, may still be storing a chunk its lines had filled (the same bytes, under a temporary
        // name until it lands) until it downs itself as the minority.
        await doomed.System.WhenTerminated.WaitAsync(TimeSpan.FromSeconds(30));
        var recovery = Assert.Single(outcome.Recoveries);
        Assert.Equal(recovery, await recovering.Task);
        Assert.Equal([doomed.Address.ToString()], recovery.Nodes);
        Assert.NotEmpty(recovery.Lines);
        Assert.True(recovery.RestoredFrom % 3600 == 0 && recovery.Stored > 0 && recovery.Stored % 3600 == 0 && recovery.RestoredFrom <= recovery.Stored,
            $"restored from t={recovery.RestoredFrom} past t={recovery.Stored}");
        Assert.DoesNotContain(outcome.Placement, p => p.Node == doomed.Address.ToString());
        Assert.Equal(Files(Path.Combine(_root, "reference")), Files(Path.Combine(_root, "cluster")));
        var (expected, actual) = (await ManifestAsync("reference"), await ManifestAsync("cluster"));
        Assert.Equal(expected.Chunks, actual.Chunks);
        Assert.Equal(expected.Sinks, actual.Sinks);
        Assert.False(Directory.Exists(Path.Combine(_root, "cluster", DestinationSession.CheckpointFolder)) &&
            Directory.EnumerateFiles(Path.Combine(_root, "cluster", DestinationSession.CheckpointFolder)).Any(), "the checkpoint was left after the run succeeded");
    }

    [Fact]
    public async Task A_run_with_checkpoints_that_loses_a_node_before_the_first_one_fails_naming_the_node_and_its_lines()
    {
        await using var cluster = new TestCluster();
        var (client, doomed) = await ClientAndDoomedWorkerAsync(cluster);
        var run = Compile("two-stage", "early-loss", RunEngine.Actors, hours: 48);
        await using var outputs = await OpenAsync(run);
        var hosting = TestCluster.LoggedAsync(doomed, "hosting lines");

        var running = new ClusterPlantRunner(client) { MinWorkers = 2, CheckpointEvery = 40 * 3600 }.RunAsync(run, outputs, outputs.RunId, new RunExecution());
        await hosting.WaitAsync(TimeSpan.FromSeconds(20));
        await cluster.BlackholeAsync(doomed);
        var error = await Assert.ThrowsAsync<RunExecutionException>(() => running);

        // Lines go to the workers in order of address: the doomed one has the odd or the even lines.
        Assert.Matches($@"127\.0\.0\.1:{doomed.Address.Port}, which hosted (Machining_1, Machining_3, Assembly_1, Assembly_3|Machining_2, Machining_4, Assembly_2, Assembly_4) ", error.InnerException!.Message);
        Assert.Contains("lost before the first checkpoint: nothing to restore its lines from", error.InnerException.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_lost_before_it_answers_the_runs_offer_fails_the_run_naming_the_node_and_its_lines()
    {
        await using var cluster = new TestCluster();
        var (client, doomed) = await ClientAndDoomedWorkerAsync(cluster);
        var run = Compile("two-stage", "lost-at-offer", RunEngine.Actors, hours: 48);
        await using var outputs = await OpenAsync(run);

        // Cut off but still Up and reachable for a few seconds: the lines are placed on it, and its answer never comes.
        await cluster.BlackholeAsync(doomed);
        var error = await Assert.ThrowsAsync<RunExecutionException>(
            () => new ClusterPlantRunner(client) { MinWorkers = 2, CheckpointEvery = 40 * 3600 }.RunAsync(run, outputs, outputs.RunId, new RunExecution()));

        Assert.Matches($@"127\.0\.0\.1:{doomed.Address.Port}, which hosted (Machining_1, Machining_3, Assembly_1, Assembly_3|Machining_2, Machining_4, Assembly_2, Assembly_4) ", error.InnerException!.Message);
        Assert.Contains($"worker node {doomed.Address} was lost before it answered", error.InnerException.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lines_pinned_in_the_blueprint_run_on_the_workers_with_their_role_and_write_the_reference_engines_bytes()
    {
        var yaml = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "examples", "two-stage-plant.yaml"));
        for (var k = 1; k <= 4; k++)
        {
            yaml = yaml.Replace($"  Assembly_{k}:\n", $"  Assembly_{k}:\n    node: heavy\n", StringComparison.Ordinal);
        }

        var model = ModelSource.FromBlueprint(yaml, "two-stage-pinned.yaml");
        var reference = Compile(model, "reference", RunEngine.Reference);
        await using (var outputs = await OpenAsync(reference))
        {
            var done = await RunExecutor.RunAsync(reference, new RunExecution { SinksFor = outputs.SinksFor });
            await outputs.CompleteAsync(RunStatus.Succeeded, null, SinkReports(done));
        }

        await using var cluster = new TestCluster();
        var light = cluster.Start("worker", serializeMessages: true);
        var heavy = cluster.Start("worker,heavy", serializeMessages: true);
        var client = cluster.Start("client", serializeMessages: true);
        await cluster.WhenAllUpAsync(TimeSpan.FromSeconds(20));
        var spread = Compile(model, "cluster", RunEngine.Actors);
        ClusterRunOutcome outcome;
        await using (var outputs = await OpenAsync(spread))
        {
            outcome = await new ClusterPlantRunner(client) { MinWorkers = 2 }.RunAsync(spread, outputs, outputs.RunId, new RunExecution());
            await outputs.CompleteAsync(RunStatus.Succeeded, null, SinkReports(outcome.Outcome));
        }

        Assert.Equal(4, spread.LineNodes.Count);
        Assert.All(outcome.Placement.Where(p => p.Line.StartsWith("Assembly", StringComparison.Ordinal)), p => Assert.Equal(heavy.Address.ToString(), p.Node));
        Assert.Contains(outcome.Placement, p => p.Node == light.Address.ToString());
        Assert.Equal(Files(Path.Combine(_root, "reference")), Files(Path.Combine(_root, "cluster")));
        Assert.Equal((await ManifestAsync("reference")).Chunks, (await ManifestAsync("cluster")).Chunks);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ActorSim.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The tests run outside the repository.");
    }

    private static List<(string Line, Egress.Reports.SinkReport Report)> SinkReports(RunOutcome outcome) =>
        outcome.Lines.SelectMany(l => l.Report.Sinks.Select(s => (l.Line, s))).ToList();

    private CompiledRun Compile(string model, string folder, RunEngine engine, int? batchSize = null, int hours = 6) =>
        Compile(ModelSource.FromCatalog(model), folder, engine, batchSize, hours);

    private CompiledRun Compile(ModelSource model, string folder, RunEngine engine, int? batchSize = null, int hours = 6) => RunCompiler.Compile(RunSpecResolver.Resolve(
        new RunRequest
        {
            Model = model,
            Destination = Path.Combine(_root, folder),
            DurationSeconds = hours * 3600,
            Seed = 42,
            Engine = engine,
            BatchSize = batchSize,
        },
        Start));

    /// <summary>A client and two workers that down a lost node 2 s after it became unreachable; the second worker (logging at INFO) to be lost.</summary>
    private static async Task<(ActorSimNode Client, ActorSimNode Doomed)> ClientAndDoomedWorkerAsync(TestCluster cluster)
    {
        const string DownQuickly = "akka.cluster.split-brain-resolver.stable-after = 2s";
        var client = cluster.Start("client", overrides: DownQuickly);
        cluster.Start("worker", overrides: DownQuickly);
        var doomed = cluster.Start("worker", logLevel: "INFO", overrides: DownQuickly);
        await cluster.WhenAllUpAsync(TimeSpan.FromSeconds(20));
        return (client, doomed);
    }

    private static Task<RunDestinations> OpenAsync(CompiledRun run) => RunDestinations.OpenAsync(
        run, new RunDescription(RunDescription.NewRunId(), run.Name, run.ModelDefinition, run.Spec.Seed, run.Spec.Start, run.Spec.DurationSeconds, run.Spec.Engine.ToString()));

    private async Task<ManifestRun> ManifestAsync(string folder) =>
        Assert.Single((await DestinationSession.ReadManifestAsync(new LocalObjectStore(Path.Combine(_root, folder)), CancellationToken.None))!.Runs);

    /// <summary>Every chunk file (not the manifest or the marker), by relative path, with its bytes in hex.</summary>
    private static IReadOnlyList<(string Path, string Bytes)> Files(string root) => ChunkFolder.Contents(root, f => !f.StartsWith('_'));
}
