using System.Runtime.CompilerServices;
using ActorSim.Egress.Internal;
using ActorSim.Egress.Reports;
using ActorSim.Model.Records;

namespace ActorSim.Egress;

/// <summary>
/// The way out for a run's records: an <see cref="IRecordSink"/> that fans every record out to its sinks, each with its
/// own router, per-destination batching, bounded queue and background chunk writer. <see cref="Publish"/> is called on the
/// engine thread and blocks while a sink's queue is full (backpressure, never loss). Teardown with
/// <see cref="CompleteAsync"/> (or <see cref="Complete"/>) drains every queue and returns the accounting. Cancelling the
/// run's token stops it early: waits end with an <see cref="OperationCanceledException"/>, stores in flight are cancelled
/// (a chunk is stored whole or not at all), and records not stored yet are not written.
/// </summary>
public sealed class EgressPipeline : ILineEgress, IAsyncDisposable
{
    private readonly SinkRunner[] _sinks;
    private readonly CancellationToken _cancellation;
    private EgressReport? _report;
    private bool _failed;
    private long _published;
    private double _lastSimTime;

    /// <summary>Starts a pipeline whose timestamps count from <paramref name="logicalStart"/>, with one writer per sink.</summary>
    /// <param name="logicalStart">
    /// The run's logical start. JSON timestamps keep its kind (no zone for Unspecified, <c>Z</c> for UTC, an offset for
    /// Local); Parquet timestamps are UTC-adjusted, reading an Unspecified start as UTC.
    /// </param>
    /// <param name="sinks">The sinks; names must be unique.</param>
    public EgressPipeline(DateTime logicalStart, IEnumerable<SinkOptions> sinks)
        : this(logicalStart, sinks, CancellationToken.None)
    {
    }

    /// <summary>As <see cref="EgressPipeline(DateTime, IEnumerable{SinkOptions})"/>, stopped early by <paramref name="cancellationToken"/>.</summary>
    /// <param name="logicalStart">The run's logical start.</param>
    /// <param name="sinks">The sinks; names must be unique.</param>
    /// <param name="cancellationToken">
    /// The run's cancellation: once cancelled, a <see cref="Publish"/> waiting for room and <see cref="CompleteAsync"/>
    /// throw an <see cref="OperationCanceledException"/>, the stores in flight are cancelled and nothing more is stored.
    /// </param>
    public EgressPipeline(DateTime logicalStart, IEnumerable<SinkOptions> sinks, CancellationToken cancellationToken)
    {
        var list = SinkSet.Validate(sinks, nameof(sinks));
        LogicalStart = logicalStart;
        _cancellation = cancellationToken;
        var registry = new DestinationRegistry();
        _sinks = list.Select(s => new SinkRunner(s, logicalStart, registry, cancellationToken)).ToArray();
    }

    /// <summary>The logical start the timestamps count from.</summary>
    public DateTime LogicalStart { get; }

    /// <summary>Records published so far; safe to read from another thread (for progress).</summary>
    public long Published => Volatile.Read(ref _published);

    /// <summary>Simulated time of the last record published (0 before the first); safe to read from another thread.</summary>
    public double LastSimTime => Volatile.Read(ref _lastSimTime);

    /// <summary>
    /// Wall time <see cref="Publish"/> has spent blocked so far because a sink's queue was full, summed over sinks.
    /// Only the waits are timed (an unblocked <see cref="Publish"/> reads no clock); readable from any thread.
    /// </summary>
    public TimeSpan PublishBlocked
    {
        get
        {
            var blocked = TimeSpan.Zero;
            foreach (var sink in _sinks)
            {
                blocked += sink.Blocked;
            }

            return blocked;
        }
    }

    /// <summary>Batches waiting for their sink's writer now, summed over sinks; readable from any thread.</summary>
    public int QueuedBatches => _sinks.Sum(s => s.QueuedBatches);

    /// <summary>Records stored so far, summed over sinks; readable from any thread.</summary>
    public long RecordsWritten => _sinks.Sum(s => s.Written);

    /// <summary>A snapshot per sink, in the order they were attached: what a monitor needs to name a slow sink.</summary>
    public IReadOnlyList<SinkProgress> Progress() =>
        Array.ConvertAll(_sinks, s => new SinkProgress(s.Name, s.Written, s.QueuedBatches, s.Blocked));

    /// <summary>Gives the record to every sink; throws an <see cref="EgressException"/> when a sink failed or stalled.</summary>
    [MethodImpl(HotPath.Options)]
    public void Publish(in SimRecord record)
    {
        if (_report is not null)
        {
            throw new EgressException("The egress pipeline is complete; no record can be published after teardown.");
        }

        if (_failed)
        {
            throw new EgressException("The egress pipeline failed earlier (see the first error); no record can be published.");
        }

        try
        {
            var sinks = _sinks;
            for (var i = 0; i < sinks.Length; i++)
            {
                sinks[i].Publish(in record);
            }

            Volatile.Write(ref _published, _published + 1);
            Volatile.Write(ref _lastSimTime, record.SimTime);
        }
        catch (EgressException)
        {
            Fail();
            throw;
        }
    }

    /// <summary>
    /// Drains every sink and returns the accounting; throws if any record was not written or dropped, and an
    /// <see cref="OperationCanceledException"/> once the run's token is cancelled (after stopping every sink).
    /// </summary>
    public async Task<EgressReport> CompleteAsync()
    {
        if (_report is not null)
        {
            return _report;
        }

        var reports = new List<SinkReport>(_sinks.Length);
        var failures = new List<EgressException>();
        foreach (var sink in _sinks)
        {
            try
            {
                reports.Add(await sink.CompleteAsync().ConfigureAwait(false));
            }
            catch (EgressException ex)
            {
                failures.Add(ex);
            }
            catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
            {
                await StopAsync().ConfigureAwait(false);
                throw;
            }
        }

        if (failures.Count == 1)
        {
            Fail();
            throw failures[0];
        }

        if (failures.Count > 1)
        {
            Fail();
            throw new EgressException(string.Join(Environment.NewLine, failures.Select(f => f.Message)), failures[0])
            {
                SinkName = failures[0].SinkName,
                RecordsNotWritten = failures.Sum(f => Math.Max(0, f.RecordsNotWritten)),
            };
        }

        _report = new EgressReport(reports);
        return _report;
    }

    /// <summary>
    /// The counts so far per sink — published, written, dropped, not written — without the check
    /// <see cref="CompleteAsync"/> makes: after a failure, what the whole run lost. Read it once the pipeline is disposed.
    /// </summary>
    public EgressReport Snapshot() => new(Array.ConvertAll(_sinks, s => s.Snapshot()));

    /// <summary>Synchronous <see cref="CompleteAsync"/>, for the engine thread.</summary>
    public EgressReport Complete() => Task.Run(CompleteAsync).GetAwaiter().GetResult();

    /// <summary>
    /// Completes the pipeline if nobody did (so records are never silently lost; a failure then throws here);
    /// after a failure already reported, only stops the writers.
    /// </summary>
    /// <remarks>
    /// After the run's token was cancelled: stores nothing more and waits (at most each sink's stall timeout) for the
    /// stores in flight to end, so no chunk is still being written when the run ends.
    /// </remarks>
    public async ValueTask DisposeAsync()
    {
        if (_report is null && _cancellation.IsCancellationRequested)
        {
            await StopAsync().ConfigureAwait(false);
        }
        else if (_report is null && !_failed)
        {
            await CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Stops every sink's writer without draining and waits for them: what a cancelled run does last.</summary>
    private async Task StopAsync()
    {
        _failed = true;
        await Task.WhenAll(_sinks.Select(s => s.StopAsync())).ConfigureAwait(false);
    }

    private void Fail()
    {
        _failed = true;
        foreach (var sink in _sinks)
        {
            sink.Abort();
        }
    }
}
