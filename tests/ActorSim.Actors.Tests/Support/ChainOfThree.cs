using ActorSim.Actors.Internal;
using ActorSim.Actors.Messages;
using ActorSim.Model.Plants;
using Akka.Actor;
using Akka.TestKit;

namespace ActorSim.Actors.Tests.Support;

/// <summary>
/// A coordinator over the chain A → B → C (links <c>ab</c>, <c>bc</c>, lookahead 5 s, end 100 s) whose lines are
/// test probes, so a test plays the lines by hand.
/// </summary>
internal sealed class ChainOfThree
{
    public const double Lookahead = 5;
    public const double End = 100;

    /// <summary>The run id the coordinator puts on every message about the run.</summary>
    public const string RunId = "chain-of-three";

    /// <summary>
    /// The chain, its lines probes in the test's actor system; every item goes through the coordinator unless
    /// <paramref name="directItems"/> (the probes are all on one node, so each is then told its destination is a peer).
    /// </summary>
    public ChainOfThree(Akka.TestKit.Xunit2.TestKit kit, ActorRunnerSettings settings, double maxWindow = double.PositiveInfinity, ManualClock? clock = null, bool directItems = false)
    {
        settings = settings with { DirectItems = directItems };
        A = kit.CreateTestProbe("A");
        B = kit.CreateTestProbe("B");
        C = kit.CreateTestProbe("C");
        var probes = new[] { A, B, C };
        var schedule = new ConservativeSchedule(3, [new ScheduleLink("ab", 0, 1, Lookahead), new ScheduleLink("bc", 1, 2, Lookahead)], End, maxWindow);
        Coordinator = kit.Sys.ActorOf(CoordinatorActor.Props(RunId, new SyncCoordinatorCore(schedule), ["A", "B", "C"], (_, line) => probes[line].Ref, settings, clock is null ? null : clock.Now));
    }

    public TestProbe A { get; }

    public TestProbe B { get; }

    public TestProbe C { get; }

    public IActorRef Coordinator { get; }

    public TestProbe Line(int index) => index switch { 0 => A, 1 => B, _ => C };

    /// <summary>Starts the run from <paramref name="requester"/>; A has an event at 0, B and C nothing.</summary>
    public void Start(IActorRef requester)
    {
        Coordinator.Tell(new StartRun(RunId), requester);
        A.Send(Coordinator, new LineReady(RunId, 0, 0, 0));
        B.Send(Coordinator, new LineReady(RunId, 1, 0, double.PositiveInfinity));
        C.Send(Coordinator, new LineReady(RunId, 2, 0, double.PositiveInfinity));
    }

    public void Report(int line, long round, params ItemShipment[] sent) => Report(line, round, double.PositiveInfinity, sent);

    public void Report(int line, long round, double nextEventTime, params ItemShipment[] sent) =>
        Line(line).Send(Coordinator, new ActorSim.Actors.Messages.GrantDone(RunId, round, line, nextEventTime, sent, 0, 0));

    public static ItemShipment Item(string link, int from, int to, long sequence, double sentAt, double arrival) =>
        new(link, from, to, sequence, sentAt, arrival, new PlantItem(new ActorSim.Model.Records.RecordKey("part-", sequence)));
}
