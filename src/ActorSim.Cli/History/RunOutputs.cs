using ActorSim.Cli.CommandLine;
using ActorSim.Egress;
using ActorSim.Egress.Destinations;
using ActorSim.Egress.Reports;
using ActorSim.Egress.Routing;

namespace ActorSim.Cli.History;

/// <summary>
/// A run's hold on its destinations: one <see cref="DestinationSession"/> per distinct destination, opened before the
/// run (refusals become usage errors, exit 2) and completed after it with the manifest of how it ended.
/// </summary>
internal sealed class RunOutputs : IAsyncDisposable
{
    /// <summary>How long a stopped or failed run may spend writing its manifests before it gives up on them.</summary>
    private static readonly TimeSpan EndingBudget = TimeSpan.FromSeconds(5);

    private readonly Dictionary<string, DestinationSession> _sessions;

    private RunOutputs(Dictionary<string, DestinationSession> sessions) => _sessions = sessions;

    /// <summary>The run's id, in every manifest.</summary>
    public required string RunId { get; init; }

    /// <summary>
    /// Takes every destination of <paramref name="destinations"/> for <paramref name="run"/>; releases those taken when
    /// one refuses (a <see cref="UsageException"/>) or cannot be reached (a <see cref="DestinationUnavailableException"/>).
    /// </summary>
    public static async Task<RunOutputs> OpenAsync(
        IEnumerable<string> destinations, HistoryOptions options, RunDescription run, TimeSpan stallTimeout, CancellationToken cancellation)
    {
        var sessions = new Dictionary<string, DestinationSession>(StringComparer.Ordinal);
        var opening = string.Empty;
        // A store that does not answer fails the run within the stall timeout, as it would while the run writes.
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        stall.CancelAfter(stallTimeout);
        try
        {
            foreach (var destination in destinations.Distinct(StringComparer.Ordinal))
            {
                opening = destination;
                var store = HistoryPlanner.CreateStore(destination, options);
                sessions[destination] = await DestinationSession.OpenAsync(store, destination, options.WriteMode, run, stall.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            await new RunOutputs(sessions) { RunId = run.RunId }.DisposeAsync().ConfigureAwait(false);
            throw e switch
            {
                DestinationException => new UsageException(e.Message),
                OperationCanceledException when cancellation.IsCancellationRequested => e,
                OperationCanceledException => new DestinationUnavailableException(opening, new TimeoutException(string.Create(
                    System.Globalization.CultureInfo.InvariantCulture, $"it did not answer within the stall timeout of {stallTimeout.TotalSeconds:0.###} s (--stall-timeout)."))),
                UsageException => e,
                _ => new DestinationUnavailableException(opening, e),
            };
        }

        return new RunOutputs(sessions) { RunId = run.RunId };
    }

    /// <summary>
    /// <paramref name="sinks"/> of <paramref name="line"/> (writing into <paramref name="destinations"/>, in order, under
    /// <paramref name="folder"/>), each with the chunk log of its destination and, when appended beside earlier runs, chunk
    /// names carrying the run id.
    /// </summary>
    public IReadOnlyList<SinkOptions> Attach(IReadOnlyList<SinkOptions> sinks, IReadOnlyList<string> destinations, string line, string folder = "")
    {
        var attached = new SinkOptions[sinks.Count];
        for (var i = 0; i < sinks.Count; i++)
        {
            var session = _sessions[destinations[i]];
            attached[i] = sinks[i] with
            {
                ChunkLog = session.ChunkLogFor(line, folder),
                Router = session.ChunkTag is { } tag ? sinks[i].Router.WithFileSuffix(tag) : sinks[i].Router,
            };
        }

        return attached;
    }

    /// <summary>Writes each destination's manifest for a run that ended as <paramref name="status"/>; returns the lines to print.</summary>
    public async Task<IReadOnlyList<string>> CompleteAsync(RunStatus status, string? message, IReadOnlyList<(string Line, SinkReport Report)>? reports)
    {
        using var budget = new CancellationTokenSource(status == RunStatus.Succeeded ? Timeout.InfiniteTimeSpan : EndingBudget);
        var lines = new List<string>();
        foreach (var (destination, session) in _sessions)
        {
            try
            {
                var entry = await session.CompleteAsync(status, message, reports, budget.Token).ConfigureAwait(false);
                lines.Add($"manifest: {destination.TrimEnd('/')}/{DestinationSession.ManifestFile} (run {entry.RunId}, {status.ToString().ToLowerInvariant()}, {entry.Chunks.Count:N0} chunks)");
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                lines.Add($"manifest: could not be written to '{destination}' ({e.Message}); treat its chunks as incomplete.");
            }
        }

        return lines;
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
