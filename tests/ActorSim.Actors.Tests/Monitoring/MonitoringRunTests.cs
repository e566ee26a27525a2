using ActorSim.Actors.Tests.Support;
using ActorSim.Egress;
using ActorSim.Egress.Routing;
using ActorSim.Model.Building;
using ActorSim.Model.Plants;
using ActorSim.Model.Records;
using Serilog.Events;

namespace ActorSim.Actors.Tests.Monitoring;

/// <summary>Whole runs through the actors with <c>logger = serilog</c>: what the monitoring log events say and carry.</summary>
[Collection(ActorsCollection.Name)]
public sealed class MonitoringRunTests : IDisposable
{
    private const string RunStarting = "Run starting: {Lines} lines until t={EndTime}, {Links} links, {Threads} line threads";
    private const string RunEnded = "Run {Outcome}: {Rounds} rounds, {Grants} grants, {Events} events in {Wall} s; waiting on reports {Waiting} s; parallel efficiency {Efficiency}";
    private const string LineSummary = "Line {SimId}: {Events} events, {Grants} grants, busy {Busy} s, sync wait {SyncWait} s, egress blocked {EgressBlocked} s, {Records} records written";
    private const string SlowSink = "Line {SimId}: sink {Sink} is slow: publishing blocked {Blocked} s of the last {Wall} s (at t={SimTime}), {QueuedBatches} batches queued, {Records} records written";

    private readonly SerilogCapture _log = new();

    [Fact]
    public void Serilog_logger_should_receive_the_run_start_and_end_with_their_properties()
    {
        var plant = ReferenceModels.TwoStagePlant(5);
        var runner = new ActorPlantRunner(plant, TestConfig.Settings with { Parallelism = 2, Logger = ActorLogger.Serilog, LogLevel = "INFO" });

        var stats = runner.RunWithStats(7, 600, _ => new InMemoryRecordSink());

        var started = Assert.Single(_log.With(RunStarting));
        Assert.Equal(LogEventLevel.Information, started.Level);
        Assert.Equal(plant.Lines.Count, SerilogCapture.Property(started, "Lines"));
        var ended = Assert.Single(_log.With(RunEnded));
        Assert.Equal("completed", SerilogCapture.Property(ended, "Outcome"));
        Assert.Equal(stats.Rounds, SerilogCapture.Property(ended, "Rounds"));
        Assert.Equal(stats.ProcessedEvents, SerilogCapture.Property(ended, "Events"));
        var lines = _log.With(LineSummary);
        Assert.Equal(plant.Lines.Select(l => l.SimId), lines.Select(e => SerilogCapture.Property(e, "SimId")));
        Assert.All(lines, e => Assert.Equal("no egress", SerilogCapture.Property(e, "Records")));
        Assert.True(_log.Events.ToList().IndexOf(ended) < _log.Events.ToList().IndexOf(lines[0]), "the per-line events follow the run summary");
    }

    [Fact]
    public void Slow_sink_should_be_named_in_a_warning_and_counted_as_egress_blocked_time()
    {
        var plant = ReferenceModels.ReworkLoopPlant(5);
        var store = new SlowStore(TimeSpan.FromMilliseconds(20));
        var slow = new SinkOptions
        {
            Name = "slow", Store = store, Router = Routers.All("events.jsonl"), Format = ChunkFormat.Jsonl,
            BatchSize = 10, FlushInterval = 0, MaxQueuedBatches = 1, MaxStoresInFlight = 1,
        };
        var settings = TestConfig.Settings with { Parallelism = 2, Logger = ActorLogger.Serilog, SlowSinkWarning = TimeSpan.FromMilliseconds(200) };
        var counted = new CountingRecordSink();
        new SequentialPlantRunner(plant).Run(3, 300, line => line.SimId == "Inspection" ? counted : new InMemoryRecordSink());

        var stats = new ActorPlantRunner(plant, settings).RunWithStats(3, 300, line => line.SimId == "Inspection"
            ? new ActorEgress(new DateTime(2026, 1, 1), [slow])
            : new InMemoryRecordSink());

        var warnings = _log.With(SlowSink);
        Assert.NotEmpty(warnings);
        var warning = warnings[0];
        Assert.Equal(LogEventLevel.Warning, warning.Level);
        Assert.Equal(("Inspection", "slow"), (SerilogCapture.Property(warning, "SimId"), SerilogCapture.Property(warning, "Sink")));
        // The line warns once blocking passed the threshold (0.2 s); the log rounds it to milliseconds, so 0.2004 reads 0.2.
        Assert.True((double)SerilogCapture.Property(warning, "Blocked")! >= 0.2, $"{warning.RenderMessage(null)}");
        var inspection = stats.Lines.Single(l => l.SimId == "Inspection");
        Assert.True(inspection.EgressBlockedSeconds > 0.2, inspection.ToString());
        Assert.All(stats.Lines.Where(l => l.SimId != "Inspection"), l => Assert.Equal(0, l.EgressBlockedSeconds));
        Assert.Equal(counted.Events + counted.Telemetry, inspection.RecordsWritten);
        var machining = stats.Lines.Single(l => l.SimId == "Machining");
        Assert.True(machining.SyncWaitSeconds > inspection.EgressBlockedSeconds / 2, $"Machining waited {machining.SyncWaitSeconds} s for grants; {inspection}");
    }

    public void Dispose() => _log.Dispose();
}
