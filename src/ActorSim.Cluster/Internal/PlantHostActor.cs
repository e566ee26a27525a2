using System.Collections.Concurrent;
using ActorSim.Actors;
using ActorSim.Cluster.Messages;
using ActorSim.Egress.Checkpoints;
using ActorSim.Egress.Destinations;
using ActorSim.Egress.Reports;
using ActorSim.Egress.Routing;
using ActorSim.Egress.Storage;
using ActorSim.Model.Building;
using ActorSim.Model.Records;
using ActorSim.Runs;
using Akka.Actor;
using Akka.Cluster;
using Akka.Event;

namespace ActorSim.Cluster.Internal;

/// <summary>
/// A worker node's host for lines of plants whose coordinator runs on a client (<c>/user/plant-host</c>). On
/// <see cref="LinesOffered"/> it compiles the run here (the plant, and the sinks with this node's stores) and registers
/// it (<see cref="LineHosting"/>), so that the client can deploy the lines into this system; each line that starts
/// here writes its records through egress actors on this node. On <see cref="CollectLines"/> it reports each line's
/// egress account and chunks, and forgets the run; a client the cluster removed has its runs forgotten.
/// </summary>
internal sealed class PlantHostActor : ReceiveActor
{
    private static readonly TimeSpan DrainWait = TimeSpan.FromSeconds(30);

    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Func<string, IObjectStore> _stores;
    /// <summary>Chunks per page of a run's collection: some 200 bytes each, far below the 1 MiB frame.</summary>
    private const int PageChunks = 2000;

    private readonly Dictionary<string, HostedRun> _runs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Address Client, HostedLine[] Lines)> _collected = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Address Client, Dictionary<int, LineState> Lines)> _states = new(StringComparer.Ordinal);

    public PlantHostActor(Func<string, IObjectStore> stores)
    {
        _stores = stores;
        Receive<LineStatePart>(StatePart);
        Receive<LinesOffered>(Offered);
        Receive<CollectLines>(Collect);
        Receive<Collected>(Drained);
        Receive<ClusterEvent.MemberRemoved>(m => ClientGone(m.Member.Address));
    }

    public static Props Props(Func<string, IObjectStore> stores) => Akka.Actor.Props.Create(() => new PlantHostActor(stores));

    protected override void PreStart() => Akka.Cluster.Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.InitialStateAsEvents, typeof(ClusterEvent.MemberRemoved));

    protected override void PostStop()
    {
        Akka.Cluster.Cluster.Get(Context.System).Unsubscribe(Self);
        foreach (var runId in _runs.Keys)
        {
            LineHosting.Remove(Context.System, runId);
        }
    }

    /// <summary>A part of a restored line's egress state, kept until its run's offer comes.</summary>
    private void StatePart(LineStatePart part)
    {
        if (!_states.TryGetValue(part.RunId, out var held))
        {
            _states[part.RunId] = held = (Sender.Path.Address, []);
        }

        var lines = held.Lines;

        if (!lines.TryGetValue(part.Line, out var state))
        {
            lines[part.Line] = state = new LineState(new byte[part.Total]);
        }

        if (part.Offset != state.Received || part.Offset + part.Bytes.Length > state.Bytes.Length)
        {
            Sender.Tell(new LinesPrepared(part.RunId, $"line {part.Line}'s egress state came out of order (bytes at {part.Offset}, {state.Received} of {state.Bytes.Length} received)"));
            return;
        }

        part.Bytes.CopyTo(state.Bytes, part.Offset);
        state.Received += part.Bytes.Length;
        Sender.Tell(new LinesPrepared(part.RunId, null));
    }

    private void Offered(LinesOffered offer)
    {
        if (_runs.ContainsKey(offer.RunId))
        {
            Sender.Tell(new LinesPrepared(offer.RunId, $"the run {offer.RunId} is already hosted on {Self.Path.Address}"));
            return;
        }

        try
        {
            var run = RunCompiler.Compile(RunSpecJson.Read(offer.SpecJson), _stores);
            // Asked from a temporary actor: the client is known by its node, forgotten when the cluster removes that node.
            var resume = new Dictionary<string, IReadOnlyList<SinkResume>>(StringComparer.Ordinal);
            _states.Remove(offer.RunId, out var states);
            foreach (var line in offer.Resumes ? offer.Lines : [])
            {
                if (states.Lines?.GetValueOrDefault(line) is not { } state || state.Received < state.Bytes.Length)
                {
                    throw new InvalidOperationException($"the egress state of line {run.Plant.Lines[line].SimId} did not arrive whole before the offer");
                }

                if (state.Bytes.Length > 0)
                {
                    resume[run.Plant.Lines[line].SimId] = EgressCheckpointCodec.ReadResumes(state.Bytes);
                }
            }

            var hosted = new HostedRun(run, offer.ChunkTags, Sender.Path.Address, resume, offer.Checkpoints);
            LineHosting.Add(Context.System, offer.RunId, run.Plant, run.Spec.RunSeed, hosted.SinkFor, run.Spec.Snapshot);
            _runs[offer.RunId] = hosted;
            _log.Info("Plant run {RunId} from {Client}: hosting lines {Lines} of {Model}",
                offer.RunId, Sender.Path.Address, string.Join(",", offer.Lines.Select(i => run.Plant.Lines[i].SimId)), run.Name);
            Sender.Tell(new LinesPrepared(offer.RunId, null));
        }
#pragma warning disable CA1031 // Whatever stops the run from building here is told to the client, which fails the run with it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _log.Warning("Plant run {RunId} refused: {Reason}", offer.RunId, e.Message);
            Sender.Tell(new LinesPrepared(offer.RunId, $"the run does not build on {Akka.Cluster.Cluster.Get(Context.System).SelfAddress}: {e.Message}"));
        }
    }

    private void Collect(CollectLines collect)
    {
        if (collect.Page > 0)
        {
            SendPage(collect.RunId, collect.Page, Sender);
            return;
        }

        if (!_runs.Remove(collect.RunId, out var hosted))
        {
            Sender.Tell(new LinesCollected(collect.RunId, []));
            return;
        }

        LineHosting.Remove(Context.System, collect.RunId);
        var replyTo = Sender;
        hosted.CollectAsync(DrainWait).PipeTo(Self, success: lines => new Collected(collect.RunId, lines, hosted.Client, replyTo));
    }

    private void Drained(Collected collected)
    {
        _log.Info("Plant run {RunId} ended: {Lines} line(s) hosted here wrote {Records} records in {Chunks} chunks",
            collected.RunId, collected.Lines.Length, collected.Lines.Sum(l => l.Sinks.Sum(s => s.Written)), collected.Lines.Sum(l => l.Chunks.Length));
        _collected[collected.RunId] = (collected.Client, collected.Lines);
        SendPage(collected.RunId, 0, collected.ReplyTo);
    }

    /// <summary>Page <paramref name="page"/> of a collected run: the lines' accounts on page 0, <see cref="PageChunks"/> chunks a page; the last page forgets the run.</summary>
    private void SendPage(string runId, int page, IActorRef replyTo)
    {
        if (!_collected.TryGetValue(runId, out var held))
        {
            replyTo.Tell(new LinesCollected(runId, []));
            return;
        }

        var lines = held.Lines;
        var chunks = lines.SelectMany(l => l.Chunks.Select(c => (l.SimId, Chunk: c))).Skip(page * PageChunks).Take(PageChunks).ToArray();
        var more = (page + 1) * PageChunks < lines.Sum(l => l.Chunks.Length);
        var slice = lines
            .Select(l => new HostedLine(l.SimId, page == 0 ? l.Sinks : [], chunks.Where(c => c.SimId == l.SimId).Select(c => c.Chunk).ToArray()))
            .Where(l => page == 0 || l.Chunks.Length > 0)
            .ToArray();
        replyTo.Tell(new LinesCollected(runId, slice, more));
        if (!more)
        {
            _collected.Remove(runId);
        }
    }

    private void ClientGone(Address client)
    {
        // Parts of restored lines' states whose offer never came.
        foreach (var (runId, _) in _states.Where(s => s.Value.Client == client).ToArray())
        {
            _states.Remove(runId);
        }

        foreach (var (runId, _) in _collected.Where(c => c.Value.Client == client).ToArray())
        {
            _collected.Remove(runId);
        }

        foreach (var (runId, _) in _runs.Where(r => r.Value.Client == client).ToArray())
        {
            _runs.Remove(runId);
            LineHosting.Remove(Context.System, runId);
            _log.Warning("Plant run {RunId} forgotten: its client {Client} left the cluster or was removed", runId, client);
        }
    }

    /// <summary>A restored line's egress state as its parts arrive.</summary>
    private sealed class LineState(byte[] bytes)
    {
        public byte[] Bytes { get; } = bytes;

        public int Received { get; set; }
    }

    /// <summary>A run's lines drained and counted, to be sent in pages to <paramref name="ReplyTo"/>.</summary>
    private sealed record Collected(string RunId, HostedLine[] Lines, Address Client, IActorRef ReplyTo);

    /// <summary>A run hosted here: its compiled form, and each line's egress and chunks as its lines start.</summary>
    private sealed class HostedRun(CompiledRun run, string?[] chunkTags, Address client, IReadOnlyDictionary<string, IReadOnlyList<SinkResume>> resume, bool checkpoints)
    {
        private readonly ConcurrentDictionary<string, (ActorEgress Egress, ChunkQueue Chunks)> _lines = new(StringComparer.Ordinal);

        public Address Client { get; } = client;

        /// <summary>
    /// A line's sink here: egress actors over this node's stores, chunk names tagged as the client's destinations need,
    /// going on from the line's egress state when the run was restored from a checkpoint.
    /// </summary>
        public IRecordSink SinkFor(LineModel line)
        {
            var chunks = new ChunkQueue(line.SimId, run.LineFolder(line.SimId));
            var sinks = run.SinksFor(line.SimId).Select((sink, i) => sink with
            {
                ChunkLog = chunks,
                Router = i < chunkTags.Length && chunkTags[i] is { } tag ? sink.Router.WithFileSuffix(tag) : sink.Router,
            });
            var egress = new ActorEgress(run.Spec.Start, sinks, CancellationToken.None, resume.GetValueOrDefault(line.SimId)) { StoresAfterStop = !checkpoints };
            _lines[line.SimId] = (egress, chunks);
            return egress;
        }

        /// <summary>Each line's report once its egress has drained (or what it had stored, when it did not within <paramref name="wait"/>).</summary>
        public async Task<HostedLine[]> CollectAsync(TimeSpan wait)
        {
            var lines = new List<HostedLine>();
            foreach (var (simId, (egress, chunks)) in _lines.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                EgressReport report;
                try
                {
                    report = await egress.Completion.WaitAsync(wait).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // A line that failed or did not drain reports what it stored; the run's failure is the coordinator's to tell.
                catch (Exception)
#pragma warning restore CA1031
                {
                    report = egress.Snapshot();
                }

                lines.Add(new HostedLine(simId, [.. report.Sinks], chunks.Chunks()));
            }

            return [.. lines];
        }
    }
}
