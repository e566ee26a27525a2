using System.Collections.Concurrent;
using ActorSim.Actors.Messages;
using Akka.Actor;

namespace ActorSim.Actors;

/// <summary>
/// The line messages of each run that this process's actor system serialized (sent towards another node) and
/// deserialized (received from one), per line: grants and deliveries out, readiness, reports, items and progress in.
/// On a cluster client, whose coordinator talks to lines on other nodes, that is every message a line exchanged over
/// the network. Counted by the actor layer's serializer (<c>ActorSimMessageSerializer</c>); messages that stay in one
/// process are never serialized and never counted (unless <c>serialize-messages</c> is on, as in tests).
/// </summary>
public sealed class WireTraffic : IExtension
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<int, Counter>> _runs = new(StringComparer.Ordinal);

    /// <summary>The counters of <paramref name="system"/>.</summary>
    public static WireTraffic For(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.WithExtension<WireTraffic, WireTrafficProvider>();
    }

    /// <summary>Per line of run <paramref name="runId"/> (by index, in order), what crossed this process's serializer.</summary>
    public IReadOnlyList<LineTraffic> Of(string runId) =>
        _runs.TryGetValue(runId, out var lines)
            ? lines.OrderBy(l => l.Key).Select(l => new LineTraffic(l.Key, l.Value.MessagesSent, l.Value.BytesSent, l.Value.MessagesReceived, l.Value.BytesReceived)).ToArray()
            : [];

    /// <summary>Drops the counters of run <paramref name="runId"/> (it has ended and been reported).</summary>
    public void Forget(string runId) => _runs.TryRemove(runId, out _);

    /// <summary>Counts <paramref name="message"/>, <paramref name="bytes"/> long on the wire, if it is a line's.</summary>
    internal void Count(object message, int bytes, bool sent)
    {
        var (runId, line) = message switch
        {
            Grant m => (m.RunId, m.Line),
            GrantDone m => (m.RunId, m.Line),
            LineProgress m => (m.RunId, m.Line),
            LineReady m => (m.RunId, m.Line),
            LineFinished m => (m.RunId, m.Line),
            LineFailed m => (m.RunId, m.Line),
            LineStateCaptured m => (m.RunId, m.Line),
            _ => (null, -1),
        };
        if (runId is null)
        {
            return;
        }

        var counter = _runs.GetOrAdd(runId, _ => new ConcurrentDictionary<int, Counter>()).GetOrAdd(line, _ => new Counter());
        if (sent)
        {
            Interlocked.Increment(ref counter.MessagesSent);
            Interlocked.Add(ref counter.BytesSent, bytes);
        }
        else
        {
            Interlocked.Increment(ref counter.MessagesReceived);
            Interlocked.Add(ref counter.BytesReceived, bytes);
        }
    }

    private sealed class Counter
    {
        public long MessagesSent;
        public long BytesSent;
        public long MessagesReceived;
        public long BytesReceived;
    }
}

/// <summary>What one line's messages weighed on the wire, as this process serialized (sent) and deserialized (received) them.</summary>
/// <param name="Line">The line's index in the plant.</param>
/// <param name="MessagesSent">Messages to the line (grants with their deliveries).</param>
/// <param name="BytesSent">Their serialized bytes.</param>
/// <param name="MessagesReceived">Messages from the line (readiness, reports with the items it sent, progress, its end).</param>
/// <param name="BytesReceived">Their serialized bytes.</param>
public sealed record LineTraffic(int Line, long MessagesSent, long BytesSent, long MessagesReceived, long BytesReceived);

/// <summary>Creates the <see cref="WireTraffic"/> of an actor system.</summary>
internal sealed class WireTrafficProvider : ExtensionIdProvider<WireTraffic>
{
    public override WireTraffic CreateExtension(ExtendedActorSystem system) => new();
}
