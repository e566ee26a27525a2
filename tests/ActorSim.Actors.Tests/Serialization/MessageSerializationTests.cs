using ActorSim.Actors.Messages;
using ActorSim.Actors.Serialization;
using ActorSim.Actors.Tests.Support;
using ActorSim.Model.Plants;
using ActorSim.Model.Records;
using Akka.Serialization;
using Xunit.Abstractions;

namespace ActorSim.Actors.Tests.Serialization;

/// <summary>Every message goes through the System.Text.Json serializer under a versioned manifest and comes back equal in content.</summary>
[Collection(ActorsCollection.Name)]
public sealed class MessageSerializationTests(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(TestConfig.ForTestKit(), "serialization", output)
{
    private static readonly ItemShipment Item = new("rework_return", 1, 0, 7, 12.5, 27.5, new PlantItem(
        new RecordKey("part-", 41), new Dictionary<string, object> { ["reworked"] = true, ["grade"] = "B", ["passes"] = 2L, ["score"] = 0.1 }));

    public static TheoryData<object> Messages() =>
    [
        new StartRun("r1"), new Pause("r1"), new Resume("r1"), new Stop("r1"), new FinishLine("r1"), new GetProgress("r1"), new Curtail("r1"),
        new RunStarted("r1", 8, 86400),
        new LineReady("r1", 2, 0, double.PositiveInfinity),
        new Grant("r1", 3, 1, 15, [Item]),
        new GrantDone("r1", 3, 1, double.PositiveInfinity, [Item, Item with { Sequence = 8 }], 12345, 0.25),
        new GrantDone("r1", 4, 1, 20, [], 12400, 0.5, new EgressStatus(5000, 3, 1.25)),
        new Grant("r1", 5, 1, 3600, [], Capture: true, CaptureEgress: true),
        new Grant("r1", 6, 1, 5400, [Item], Capture: true, CaptureEgress: true, CaptureAt: [3600, 5400]),
        new Grant("r1", 7, 1, 5400, [], Capture: true, CaptureEgress: true, CaptureAt: []),
        new GrantDone("r1", 5, 1, 3601, [], 12500, 0.5, Captured: [new LineStateCaptured("r1", 1, """{"sim_id":"B"}""", null, [1, 2, 3],
            [new ActorSim.Egress.Destinations.ManifestChunk("line=B/events_000001.parquet", "B", "history", 5000, 81920, new string('c', 64))])]),
        new GrantDone("r1", 6, 1, 7201, [], 12600, 0.5, Captured: [new LineStateCaptured("r1", 1, null, "no state")]),
        new GrantDone("r1", 7, 1, 9000, [Item], 12700, 0.5, Captured: [new LineStateCaptured("r1", 1, """{"sim_id":"B"}""", null, [4]), new LineStateCaptured("r1", 1, """{"sim_id":"B","n":2}""", null, [5], [])]),
        new Grant("r1", 8, 2, 7200, [Item], Direct: [new DirectRelease(0, 41), new DirectRelease(1, 7)]),
        new Grant("r1", 9, 2, 7200, [], Capture: true, Direct: [new DirectRelease(1, 9)]),
        new GrantDone("r1", 8, 0, 7300, [Item], 12800, 0.5, Direct: [new DirectlySent(2, 41, 7212.5), new DirectlySent(3, 2, double.PositiveInfinity)]),
        new GrantDone("r1", 9, 0, 9000, [], 12900, 0.5, Captured: [new LineStateCaptured("r1", 0, """{"sim_id":"A"}""", null)], Direct: [new DirectlySent(2, 45, 7300)]),
        new GrantDone("r1", 10, 0, 9000, [Item], 13000, 0.5, Captured: [
            new LineStateCaptured("r1", 0, """{"sim_id":"A"}""", null, [6], [], InTransitOut: [Item with { DestinationLine = 2, Sequence = 9 }, Item with { DestinationLine = 2, Sequence = 10 }]),
            new LineStateCaptured("r1", 0, """{"sim_id":"A","n":2}""", null, [7], [])], Direct: [new DirectlySent(2, 47, 7300)]),
        new LineStateCaptured("r1", 0, """{"sim_id":"A"}""", null, [6], [], InTransitOut: [Item with { DestinationLine = 2 }]),
        new LinePeers("r1", 0, [2, 3], 86400),
        new LinePeers("r1", 0, [2], 86400, Checkpointed: true),
        new DirectItems("r1", 0, [Item, Item with { Sequence = 8 }]),
        new LineProgress("r1", 1, 3600, 999),
        new LineProgress("r1", 1, 7200, 1999, new EgressStatus(800, 64, 2.5)),
        new LineFailed("r1", 1, "Inspection", 17.25, "IOException: disk full"),
        new LineFinished("r1", 1, 100, 5, 250, 0.5, null),
        new LineFinished("r1", 1, 100, 5, 250, 0.5, null, SyncWaitSeconds: 3.5, EgressBlockedSeconds: 1.25),
        new RunFailed("r1", "Line 'B' has been silent", "B", double.NaN),
        new RunFailed("r1", "Line 'B' was lost with its node", "B", 3600, LineGone: true),
        new RunPaused("r1", 4, 20),
        new RunResumed("r1", 4),
        new RunProgress("20261204T170102Z-3fa9c1", 12, 3600, 86400, 123456, -1),
        new RunCompleted("r1", new ActorRunStats(2, 16, 100, 1.5, 1.2, 2, [new LineStats(0, "A", 1, 10, 2, 0.5, -1, 0), new LineStats(1, "B", 1, 10, 0, 0.5, 40, 0.1, 0.75, 0.25)])),
        new RunStopped("r1", new ActorRunStats(1, 3, 0, 0.1, 0.05, 1, []), 5),
    ];

    [Theory]
    [MemberData(nameof(Messages))]
    public void Serializer_should_round_trip_every_message_under_its_versioned_manifest(object message)
    {
        var serializer = Sys.Serialization.FindSerializerFor(message);
        Assert.IsType<ActorSimMessageSerializer>(serializer);
        var manifest = Akka.Serialization.Serialization.ManifestFor(serializer, message);
        Assert.EndsWith(message is Grant or GrantDone ? ".v2" : ".v1", manifest, StringComparison.Ordinal);

        var back = Sys.Serialization.Deserialize(serializer.ToBinary(message), serializer.Identifier, manifest);

        Assert.IsType(message.GetType(), back);
        Assert.Equal(Json(message), Json(back));
    }

    [Fact]
    public void Serializer_should_read_v1_messages_written_before_the_monitoring_fields_with_their_defaults()
    {
        var serializer = (ActorSimMessageSerializer)Sys.Serialization.FindSerializerForType(typeof(RunCompleted));
        var completed = """{"Stats":{"Rounds":2,"Grants":16,"ItemsDelivered":100,"WallSeconds":1.5,"WaitingSeconds":1.2,"Parallelism":2,"Lines":[{"Line":0,"SimId":"A","Grants":1,"ProcessedEvents":10,"ItemsSent":2,"BusySeconds":0.5,"RecordsWritten":-1,"EgressSeconds":0}]}}""";
        var progress = """{"RunId":"r1","Line":1,"SimTime":3600,"ProcessedEvents":999}""";
        var finished = """{"RunId":"r1","Line":1,"ProcessedEvents":100,"ItemsSent":5,"RecordsWritten":250,"EgressSeconds":0.5}""";

        var line = Assert.IsType<RunCompleted>(serializer.FromBinary(System.Text.Encoding.UTF8.GetBytes(completed), "run-completed.v1")).Stats.Lines.Single();
        var note = Assert.IsType<LineProgress>(serializer.FromBinary(System.Text.Encoding.UTF8.GetBytes(progress), "line-progress.v1"));
        var done = Assert.IsType<LineFinished>(serializer.FromBinary(System.Text.Encoding.UTF8.GetBytes(finished), "line-finished.v1"));

        Assert.Equal(new LineStats(0, "A", 1, 10, 2, 0.5, -1, 0, SyncWaitSeconds: 0, EgressBlockedSeconds: 0), line);
        Assert.Equal(new LineProgress("r1", 1, 3600, 999, Egress: null), note);
        Assert.Equal((0.0, 0.0), (done.SyncWaitSeconds, done.EgressBlockedSeconds));
    }

    [Fact]
    public void A_grant_written_as_json_v1_still_reads_an_item_as_its_fields_and_typed_attributes()
    {
        var serializer = (ActorSimMessageSerializer)Sys.Serialization.FindSerializerForType(typeof(Grant));
        const string written = """{"RunId":"r1","Round":3,"Line":0,"Horizon":15,"Deliveries":[{"Link":"rework_return","SourceLine":1,"DestinationLine":0,"Sequence":7,"SentAt":12.5,"ArrivalTime":27.5,"KeyPrefix":"part-","KeyNumber":41,"Attributes":[{"Name":"reworked","Flag":true},{"Name":"grade","Text":"B"},{"Name":"passes","Integer":2},{"Name":"score","Number":0.1}]}]}""";

        var grant = Assert.IsType<Grant>(serializer.FromBinary(System.Text.Encoding.UTF8.GetBytes(written), "grant.v1"));

        var item = Assert.Single(grant.Deliveries);
        Assert.Equal(("rework_return", 1, 0, 7L, 12.5, 27.5, new RecordKey("part-", 41)), (item.Link, item.SourceLine, item.DestinationLine, item.Sequence, item.SentAt, item.ArrivalTime, item.Item.Key));
        Assert.Equal(new Dictionary<string, object> { ["reworked"] = true, ["grade"] = "B", ["passes"] = 2L, ["score"] = 0.1 }, item.Item.Attributes);
    }

    [Fact]
    public void A_report_carries_its_items_in_binary_in_under_a_third_of_their_json_and_back_bit_for_bit()
    {
        var serializer = (ActorSimMessageSerializer)Sys.Serialization.FindSerializerForType(typeof(GrantDone));
        var items = Enumerable.Range(0, 1000).Select(i => new ItemShipment(
            "machining_to_assembly", 0, 4, i, 3600 + (i * 0.1), 3605 + (i * 0.1) + double.Epsilon, new PlantItem(new RecordKey("part-", i)))).ToArray();
        var done = new GrantDone("r1", 9, 0, double.NaN, items, 123, 0.5, new EgressStatus(10, 2, 0.25), Reached: 7200);
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(done with { Sent = [], NextEventTime = 0 }).Length
            + items.Sum(i => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(ShipmentConversion.ToJson(i)).Length);

        var bytes = serializer.ToBinary(done);
        var back = Assert.IsType<GrantDone>(serializer.FromBinary(bytes, "grant-done.v2"));

        Assert.True(bytes.Length * 3 < json, $"{bytes.Length} bytes in binary against {json} as JSON");
        Assert.Equal(Json(done), Json(back));
        Assert.Equal(items.Select(i => BitConverter.DoubleToInt64Bits(i.ArrivalTime)), back.Sent.Select(i => BitConverter.DoubleToInt64Bits(i.ArrivalTime)));
        Assert.Same(back.Sent[0].Link, back.Sent[999].Link);
    }

    [Fact]
    public void A_truncated_binary_grant_is_refused_naming_its_manifest()
    {
        var serializer = (ActorSimMessageSerializer)Sys.Serialization.FindSerializerForType(typeof(Grant));
        var bytes = serializer.ToBinary(new Grant("r1", 3, 1, 15, [Item]));

        var error = Assert.Throws<System.Runtime.Serialization.SerializationException>(() => serializer.FromBinary(bytes[..(bytes.Length / 2)], "grant.v2"));

        Assert.Contains("'grant.v2'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_checkpoint_grant_should_not_ask_a_reader_of_the_first_capture_layout_for_a_capture_at_its_horizon()
    {
        var serializer = (ActorSimMessageSerializer)Sys.Serialization.FindSerializerForType(typeof(Grant));

        // The flags byte, then the count of instants and each instant, then the count of direct releases (none): a
        // reader of the first layout reads only bit 1.
        var atHorizon = serializer.ToBinary(new Grant("r1", 3, 1, 3600, [Item], Capture: true));
        var atInstants = serializer.ToBinary(new Grant("r1", 3, 1, 5400, [Item], Capture: true, CaptureEgress: true, CaptureAt: [3600]));

        Assert.Equal(1, atHorizon[^9] & 1);
        Assert.Equal(0, atInstants[^17] & 1);
        Assert.Equal(6, atInstants[^17]);
    }

    [Fact]
    public void Manifests_should_cover_every_message_type_once()
    {
        var types = typeof(IActorSimMessage).Assembly.GetTypes().Where(t => t.IsClass && typeof(IActorSimMessage).IsAssignableFrom(t)).ToHashSet();

        Assert.Equal(types.OrderBy(t => t.Name), MessageManifests.All.Select(m => m.Type).OrderBy(t => t.Name));
        Assert.Equal(MessageManifests.All.Count(), MessageManifests.All.Select(m => m.Manifest).Distinct().Count());
    }

    [Fact]
    public void Serializer_should_refuse_an_unknown_manifest_naming_it()
    {
        var serializer = (ActorSimMessageSerializer)Sys.Serialization.FindSerializerForType(typeof(Grant));

        var error = Assert.Throws<System.Runtime.Serialization.SerializationException>(() => serializer.FromBinary([], "grant.v9"));

        Assert.Contains("'grant.v9'", error.Message, StringComparison.Ordinal);
    }

    private static string Json(object message) => System.Text.Json.JsonSerializer.Serialize(message, message.GetType(),
        new System.Text.Json.JsonSerializerOptions { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals });
}
