using ActorSim.Cli.History;
using ActorSim.Cli.Tests.Support;
using ActorSim.Egress;
using ActorSim.Egress.Routing;
using ActorSim.Egress.Storage;
using ActorSim.Egress.Tests.Support;
using ActorSim.Model.Building;
using ActorSim.Model.Records;
using ActorSim.Runs;
using ActorSim.Runs.Execution;

namespace ActorSim.Cli.Tests;

/// <summary>
/// A Parquet destination has one schema. A blueprint cannot send records of two schemas to one destination (the
/// planner refuses it, exit 2); a model that publishes a value of another type later fails the run naming the
/// destination and the column.
/// </summary>
public class HistorySchemaDriftTests
{
    /// <summary>A line whose gauge publishes ten whole numbers, then text, registered once for this test class.</summary>
    private static readonly string DriftingModel = Register();

    private const string Blueprint = """
        simulation: {sim_id: Line_A, seed: 42, start: "2026-01-01T00:00:00", duration: 1 hour}
        arrivals:   {standard: {dist: exponential, rate: 2.0}}
        services:   {milling: {dist: normal, mean: 2.0, std: 0.2}}
        resources:  {lathe: {current_cap: 4, max_cap: 10}}
        tasks:      {part: {arrival: standard, steps: [{resource: lathe, service: milling}]}}
        telemetry:  {interval: 60 s}
        egress:     [{name: all, format: jsonl, path: all.jsonl, telemetry_path: all.parquet}]
        """;

    [Fact]
    public async Task Events_and_telemetry_meeting_in_one_Parquet_destination_should_be_refused_before_the_run()
    {
        // As JSONL the two paths differ; --format parquet makes both 'all.parquet', where an event's text value and a
        // sample's number would drift.
        using var dir = new TempDirectory();
        var model = Path.Combine(dir.Path, "line.yaml");
        await File.WriteAllTextAsync(model, Blueprint);
        var dest = Path.Combine(dir.Path, "out");

        var (code, _, error) = await ActorsimCommand.RunAsync("history", "--model", model, "--format", "parquet", "--dest", dest, "--progress", "none");

        Assert.Equal(2, code);
        Assert.Contains($"sinks 'all' and 'all' would both write '{dest}/all.parquet'", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dest) && Directory.EnumerateFileSystemEntries(dest).Any(), "nothing may be written");
    }

    [Theory]
    [InlineData("reference")]
    [InlineData("actors")]
    public async Task A_value_of_another_type_in_a_later_chunk_should_fail_the_run_naming_destination_and_column(string engine)
    {
        using var dir = new TempDirectory();
        var spec = new RunSpec
        {
            Model = ModelSource.FromCatalog(DriftingModel),
            Start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            DurationSeconds = 3600,
            Engine = engine == "reference" ? RunEngine.Reference : RunEngine.Actors,
            Sinks = [new SinkSpec { Name = "readings", Destination = dir.Path, Events = "readings.parquet", Flatten = true, BatchSize = 10, FlushInterval = 0 }],
        };

        var error = await Assert.ThrowsAnyAsync<Exception>(() => RunAsync(spec));

        // The actors carry the failure across as text; the direct engine keeps the exception itself.
        var messages = string.Join(" <- ", Chain(error).Select(e => e.Message));
        Assert.Contains(
            "Sink 'readings' failed writing chunk 'readings_000002.parquet' to " + dir.Path + ": Schema drift at destination 'readings.parquet': " +
            "column 'value' is int64 in the schema inferred from the destination's first batch, but a record has string.",
            messages, StringComparison.Ordinal);
        if (engine == "reference")
        {
            var drift = Assert.Single(Chain(error).OfType<SchemaDriftException>());
            Assert.Equal(("readings.parquet", "value", "int64", "string"), (drift.Destination, drift.Column, drift.Expected, drift.Found));
        }

        Assert.Equal(["readings_000001.parquet"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    private static string Register()
    {
        const string name = "schema-drift-gauge";
        ModelCatalog.Register(name, () => new LineBuilder("Line_A").AddProcess("gauge", Readings).Build());
        return name;
    }

    /// <summary>Ten whole-number readings, then text where the number was.</summary>
    private static IEnumerable<ActorSim.Engine.Event> Readings(Line line)
    {
        for (var i = 1; i <= 20; i++)
        {
            yield return line.Simulation.Delay(1);
            line.PublishEvent(new RecordKey("gauge-", i), i <= 10 ? (object)(long)i : "off scale");
        }
    }

    private static async Task RunAsync(RunSpec spec)
    {
        await using var host = spec.Engine == RunEngine.Actors ? ActorHost.Start(new HistoryOptions(), plant: false) : null;
        await RunExecutor.RunAsync(RunCompiler.Compile(spec), new RunExecution { Host = host });
    }

    private static IEnumerable<Exception> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
