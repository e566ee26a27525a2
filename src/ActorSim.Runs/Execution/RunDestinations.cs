using ActorSim.Egress;
using ActorSim.Egress.Destinations;
using ActorSim.Egress.Reports;
using ActorSim.Egress.Routing;

namespace ActorSim.Runs.Execution;

/// <summary>
/// A run's hold on its destinations: one <see cref="DestinationSession"/> per distinct destination of its sinks, taken
/// before the run under its spec's <see cref="RunSpec.WriteMode"/> (locked, checked, emptied on overwrite), and
/// completed after it with the manifest of how it ended. Its <see cref="SinksFor(string)"/> gives each line's sinks with the
/// chunk log of their destination.
/// </summary>
public sealed class RunDestinations : IAsyncDisposable
{
    /// <summary>How long a stopped or failed run may spend writing its manifests before it gives up on them.</summary>
    private static readonly TimeSpan EndingBudget = TimeSpan.FromSeconds(5);

    private readonly CompiledRun _run;
    private readonly Dictionary<string, DestinationSession> _sessions;

    private RunDestinations(CompiledRun run, Dictionary<string, DestinationSession> sessions, string runId)
    {
        _run = run;
        _sessions = sessions;
        RunId = runId;
    }

    /// <summary>The run's id, in every manifest.</summary>
    public string RunId { get; }

    /// <summary>
    /// Takes every destination of <paramref name="run"/> for the run <paramref name="description"/>; releases those
    /// taken when one refuses (a <see cref="DestinationException"/>) or cannot be reached within the sinks' stall
    /// timeout (a <see cref="DestinationUnavailableException"/>). <paramref name="cancellation"/> gives up at once.
    /// </summary>
    public static async Task<RunDestinations> OpenAsync(CompiledRun run, RunDescription description, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(description);
        var stallTimeout = run.Spec.Sinks.Max(s => s.StallTimeout);
        var sessions = new Dictionary<string, DestinationSession>(StringComparer.Ordinal);
        var opening = string.Empty;
        // A store that does not answer fails the run within the stall timeout, as it would while the run writes.
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        stall.CancelAfter(stallTimeout);
        try
        {
            foreach (var destination in run.Spec.Destinations)
            {
                opening = destination;
                var store = run.CreateStore(destination);
                sessions[destination] = await DestinationSession.OpenAsync(store, destination, run.Spec.WriteMode, description, stall.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            await new RunDestinations(run, sessions, description.RunId).DisposeAsync().ConfigureAwait(false);
            throw e switch
            {
                DestinationException or RunSpecException => e,
                OperationCanceledException when cancellation.IsCancellationRequested => e,
                OperationCanceledException => new DestinationUnavailableException(opening, new TimeoutException(string.Create(
                    System.Globalization.CultureInfo.InvariantCulture, $"it did not answer within the stall timeout of {stallTimeout.TotalSeconds:0.###} s (--stall-timeout)."))),
                _ => new DestinationUnavailableException(opening, e),
            };
        }

        return new RunDestinations(run, sessions, description.RunId);
    }

    /// <summary>
    /// The sinks of the line <paramref name="line"/>, each with the chunk log of its destination (under the line's folder,
    /// itself under a folder such as a forecast's <c>replication=3/</c> when one is given) and, when appended beside
    /// earlier runs, chunk names carrying the run id.
    /// </summary>
    public IReadOnlyList<SinkOptions> SinksFor(string line) => SinksFor(line, string.Empty);

    /// <inheritdoc cref="SinksFor(string)"/>
    public IReadOnlyList<SinkOptions> SinksFor(string line, string under)
    {
        var sinks = _run.SinksFor(line, under);
        var folder = under + _run.LineFolder(line);
        var attached = new SinkOptions[sinks.Count];
        for (var i = 0; i < sinks.Count; i++)
        {
            var session = _sessions[_run.Spec.Sinks[i].Destination];
            attached[i] = sinks[i] with
            {
                ChunkLog = session.ChunkLogFor(line, folder),
                Router = session.ChunkTag is { } tag ? sinks[i].Router.WithFileSuffix(tag) : sinks[i].Router,
            };
        }

        return attached;
    }

    /// <summary>
    /// The suffix chunk names written into <paramref name="destination"/> must carry (the run id, when appended beside
    /// earlier runs), for sinks made in another process; null when the destination was empty.
    /// </summary>
    public string? ChunkTagOf(string destination) => _sessions[destination].ChunkTag;

    /// <summary>
    /// Records a chunk another process stored for this run (a forecast's worker node, writing with
    /// <see cref="CompiledRun.SinksFor(string, string)"/> of the same spec) in the manifest of its sink's destination; a
    /// sink this run does not have is an <see cref="ArgumentException"/>.
    /// </summary>
    public void Log(ManifestChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var sink = _run.Spec.Sinks.FirstOrDefault(s => s.Name == chunk.Sink)
            ?? throw new ArgumentException($"The chunk '{chunk.Path}' names the sink '{chunk.Sink}', which this run does not have.", nameof(chunk));
        _sessions[sink.Destination].Log(chunk);
    }

    /// <summary>Writes each destination's manifest for a run that ended as <paramref name="status"/>; a manifest that cannot be written is reported, not thrown.</summary>
    public async Task<IReadOnlyList<ManifestOutcome>> CompleteAsync(RunStatus status, string? message, IReadOnlyList<(string Line, SinkReport Report)>? reports)
    {
        using var budget = new CancellationTokenSource(status == RunStatus.Succeeded ? Timeout.InfiniteTimeSpan : EndingBudget);
        var outcomes = new List<ManifestOutcome>();
        foreach (var (destination, session) in _sessions)
        {
            try
            {
                outcomes.Add(new ManifestOutcome(destination, await session.CompleteAsync(status, message, reports, budget.Token).ConfigureAwait(false), null));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                outcomes.Add(new ManifestOutcome(destination, null, e.Message));
            }
        }

        return outcomes;
    }

    /// <summary>Lets go of every lock not yet released (a run that ended before it could complete).</summary>
    public async ValueTask DisposeAsync()
    {
        using var budget = new CancellationTokenSource(EndingBudget);
        foreach (var session in _sessions.Values)
        {
            try
            {
                await session.ReleaseAsync(budget.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The lock stays; the next run names it and its holder.
            }
        }
    }
}
