using ActorSim.Engine;
using ActorSim.Model.Building;
using ActorSim.Model.Plants;
using ActorSim.Model.Records;

namespace ActorSim.Model.Tests.Plants;

/// <summary>The line host of the engines that run lines in windows: it keeps what its line sends until it reports, and reports it once.</summary>
public sealed class WindowedLineTests
{
    [Fact]
    public void A_report_carries_the_items_sent_since_the_last_one_and_the_next_event_time()
    {
        var machining = new WindowedLine(ReferenceModels.TwoStagePlant(), 0, new Simulation(), new InMemoryRecordSink(), 42);

        machining.Simulation.RunUntil(3600);
        var first = machining.Report();
        var second = machining.Report(reached: 3600);

        Assert.Equal(0, first.Line);
        Assert.NotEmpty(first.Sent);
        Assert.Equal(machining.Line.ItemsSent, first.Sent.Count);
        Assert.All(first.Sent, s => Assert.True(s.SentAt < 3600 && s.SourceLine == 0));
        Assert.Equal(machining.Simulation.Peek(), first.NextEventTime);
        Assert.Null(first.Reached);
        Assert.Empty(second.Sent);
        Assert.Equal(3600, second.Reached);
    }

    [Fact]
    public void A_send_check_sees_each_item_as_it_is_sent_and_can_refuse_it()
    {
        var seen = new List<ItemShipment>();
        var machining = new WindowedLine(ReferenceModels.TwoStagePlant(), 0, new Simulation(), new InMemoryRecordSink(), 42, seen.Add);
        machining.Simulation.RunUntil(600);
        Assert.Equal(seen, machining.Report().Sent);

        var refusing = new WindowedLine(
            ReferenceModels.TwoStagePlant(), 0, new Simulation(), new InMemoryRecordSink(), 42, s => throw new InvalidOperationException($"refused {s.Item.Key}"));
        var e = Assert.ThrowsAny<Exception>(() => refusing.Simulation.RunUntil(600));

        Assert.Contains("refused m1-part-", Chain(e), StringComparison.Ordinal);
    }

    [Fact]
    public void Delivered_items_start_their_tasks_on_the_receiving_line()
    {
        var machining = new WindowedLine(ReferenceModels.TwoStagePlant(), 0, new Simulation(), new InMemoryRecordSink(), 42);
        machining.Simulation.RunUntil(600);
        var sent = machining.Report().Sent.Where(s => s.DestinationLine == 4).ToArray();
        var records = new InMemoryRecordSink();
        var assembly = new WindowedLine(ReferenceModels.TwoStagePlant(), 4, new Simulation(), records, 42);

        assembly.Deliver(sent);
        assembly.Simulation.RunUntil(1200);

        Assert.NotEmpty(sent);
        Assert.Contains(records.Records, r => r.Kind == RecordKind.Event && r.Key.Prefix == sent[0].Item.Key.Prefix);
    }

    private static string Chain(Exception? e)
    {
        var messages = new List<string>();
        for (; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return string.Join(" <- ", messages);
    }
}
