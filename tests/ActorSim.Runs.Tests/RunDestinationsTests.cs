using ActorSim.Egress.Destinations;
using ActorSim.Runs.Execution;

namespace ActorSim.Runs.Tests;

public sealed class RunDestinationsTests
{
    [Fact]
    public async Task A_run_through_its_destinations_leaves_a_manifest_listing_every_chunk_and_releases_the_lock()
    {
        using var folder = new TempFolder();
        var run = Compile(Specs.Resolve(Specs.TwoStagePlant, r => r with { DurationSeconds = 3600, Destination = folder.Path, Engine = RunEngine.Reference }));
        var description = Describe(run);

        RunOutcome outcome;
        IReadOnlyList<ManifestOutcome> manifests;
        await using (var destinations = await RunDestinations.OpenAsync(run, description))
        {
            Assert.Contains(DestinationSession.LockFile, folder.Files());
            outcome = await RunExecutor.RunAsync(run, new RunExecution { SinksFor = destinations.SinksFor });
            manifests = await destinations.CompleteAsync(RunStatus.Succeeded, null, outcome.Lines.SelectMany(l => l.Report.Sinks.Select(s => (l.Line, s))).ToList());
        }

        var manifest = Assert.Single(manifests);
        Assert.Null(manifest.Error);
        Assert.Equal((description.RunId, RunStatus.Succeeded, "two-stage-plant.yaml"), (manifest.Entry!.RunId, manifest.Entry.Status, manifest.Entry.Model));
        var chunks = folder.Files().Where(f => f.EndsWith(".parquet", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(chunks);
        Assert.Equal(chunks.Length, manifest.Entry.Chunks.Count);
        Assert.All(chunks, c => Assert.StartsWith("line=", c, StringComparison.Ordinal));
        Assert.DoesNotContain(DestinationSession.LockFile, folder.Files());
        Assert.Contains(DestinationSession.ManifestFile, folder.Files());
    }

    [Fact]
    public async Task A_used_destination_is_refused_unless_the_spec_overwrites_it()
    {
        using var folder = new TempFolder();
        var spec = Specs.Resolve(ModelSource.FromCatalog("Line_A"), r => r with { DurationSeconds = 600, Destination = folder.Path, Engine = RunEngine.Reference });
        await RunToTheEndAsync(Compile(spec));
        var before = folder.Files();

        await Assert.ThrowsAsync<DestinationException>(() => RunDestinations.OpenAsync(Compile(spec), Describe(Compile(spec))));
        Assert.Equal(before, folder.Files());

        var overwrite = Compile(spec with { WriteMode = WriteMode.Overwrite });
        await using var destinations = await RunDestinations.OpenAsync(overwrite, Describe(overwrite));
        Assert.Equal(destinations.RunId, Describe(overwrite).RunId);
    }

    [Fact]
    public async Task An_unreachable_store_is_a_destination_unavailable_naming_it()
    {
        var spec = Specs.Resolve(ModelSource.FromCatalog("Line_A"), r => r with { DurationSeconds = 600, Destination = "s3://nowhere-bucket/x", StallTimeout = TimeSpan.FromSeconds(2) });
        var run = RunCompiler.Compile(spec, new ActorSim.Egress.Storage.S3StoreOptions { Bucket = "nowhere-bucket", Endpoint = $"127.0.0.1:{FreePort()}", AccessKey = "user", SecretKey = "password" });

        var e = await Assert.ThrowsAsync<DestinationUnavailableException>(() => RunDestinations.OpenAsync(run, Describe(run)));

        Assert.Equal("s3://nowhere-bucket/x", e.Destination);
        Assert.Contains("cannot take destination 's3://nowhere-bucket/x'", e.Message, StringComparison.Ordinal);
    }

    private static CompiledRun Compile(RunSpec spec) => RunCompiler.Compile(spec);

    /// <summary>A port nothing listens on: taken from the system, then let go.</summary>
    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static RunDescription Describe(CompiledRun run) =>
        new("test-" + run.Spec.Seed, run.Name, run.ModelDefinition, run.Spec.Seed, run.Spec.Start, run.Spec.DurationSeconds, run.Spec.Engine.ToString().ToLowerInvariant());

    private static async Task RunToTheEndAsync(CompiledRun run)
    {
        await using var destinations = await RunDestinations.OpenAsync(run, Describe(run));
        var outcome = await RunExecutor.RunAsync(run, new RunExecution { SinksFor = destinations.SinksFor });
        await destinations.CompleteAsync(RunStatus.Succeeded, null, outcome.Lines.SelectMany(l => l.Report.Sinks.Select(s => (l.Line, s))).ToList());
    }
}
