using System.Globalization;

namespace ActorSim.Model.Plants;

/// <summary>
/// The horizon rule of conservative synchronization over a link graph with positive lookaheads. From each line's
/// next event time T_i it computes the earliest time E_i at which line i can still do anything, counting items
/// that may yet reach it: E_i = min(T_i, min over links k→i of E_k + L_ki) (a shortest-path fixpoint). Line j may
/// then process every event strictly before its safe horizon H_j = min(end, min over links i→j of E_i + L_ij);
/// a line with no inbound link gets the end time. Pure and deterministic; reuses scratch space, so not thread-safe.
/// </summary>
public sealed class ConservativeSchedule
{
    private readonly ScheduleLink[] _links;
    private readonly int[][] _inbound;
    private readonly int[][] _outbound;
    private readonly int[][] _destinations;
    private readonly bool[] _settled;

    /// <summary>Creates the schedule of <paramref name="lineCount"/> lines joined by <paramref name="links"/>, run until <paramref name="endTime"/>.</summary>
    public ConservativeSchedule(int lineCount, IEnumerable<ScheduleLink> links, double endTime, double maxWindow = double.PositiveInfinity)
    {
        if (!(maxWindow > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(maxWindow), maxWindow, "The longest window must be a positive number of seconds (or infinity).");
        }

        MaxWindow = maxWindow;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lineCount);
        ArgumentNullException.ThrowIfNull(links);
        if (!double.IsFinite(endTime))
        {
            throw new ArgumentOutOfRangeException(nameof(endTime), endTime, "The end time must be a finite number of seconds.");
        }

        _links = links.ToArray();
        foreach (var link in _links)
        {
            if ((uint)link.From >= (uint)lineCount || (uint)link.To >= (uint)lineCount)
            {
                throw new ArgumentException($"Link '{link.Name}' joins lines {link.From} and {link.To}; there are {lineCount} lines (0 to {lineCount - 1}).", nameof(links));
            }

            if (!(link.Lookahead > 0) || double.IsInfinity(link.Lookahead))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Link '{link.Name}' needs a lookahead > 0 s; {link.Lookahead} was given. Without it no line could run ahead of its neighbours."), nameof(links));
            }
        }

        LineCount = lineCount;
        EndTime = endTime;
        _inbound = Group(lineCount, l => l.To);
        _outbound = Group(lineCount, l => l.From);
        _destinations = _outbound.Select(ls => ls.Select(l => _links[l].To).Distinct().ToArray()).ToArray();
        _settled = new bool[lineCount];
    }

    /// <summary>The number of lines.</summary>
    public int LineCount { get; }

    /// <summary>The end of the run: no line goes past it.</summary>
    public double EndTime { get; }

    /// <summary>
    /// The most simulated time a line that sends items may run ahead of its own next event in one grant. Shorter windows
    /// cost more rounds but keep items in flight (and their memory) to a window's worth; they never change the records.
    /// Lines without outbound links are not windowed: nothing waits on them, and their inbound links bound them already.
    /// </summary>
    public double MaxWindow { get; }

    /// <summary>The links.</summary>
    public IReadOnlyList<ScheduleLink> Links => _links;

    /// <summary>The lines that <paramref name="line"/> sends items to, each once.</summary>
    public ReadOnlySpan<int> Destinations(int line) => _destinations[line];

    /// <summary>True when some link targets <paramref name="line"/> (otherwise its horizon is always the end time).</summary>
    public bool HasInbound(int line) => _inbound[line].Length > 0;

    /// <summary>
    /// Fills <paramref name="earliest"/> with each line's earliest possible event time E_i given the next event
    /// times <paramref name="nextEventTimes"/> (+∞ for a line with nothing scheduled).
    /// </summary>
    public void EarliestEventTimes(ReadOnlySpan<double> nextEventTimes, Span<double> earliest)
    {
        CheckLengths(nextEventTimes.Length, earliest.Length);
        for (var i = 0; i < LineCount; i++)
        {
            if (double.IsNaN(nextEventTimes[i]))
            {
                throw new ArgumentException($"Line {i} reported NaN as its next event time.", nameof(nextEventTimes));
            }

            earliest[i] = nextEventTimes[i];
            _settled[i] = false;
        }

        // Dijkstra with every line as a source at its own next event time; lookaheads are the (positive) weights.
        for (var round = 0; round < LineCount; round++)
        {
            var next = -1;
            for (var i = 0; i < LineCount; i++)
            {
                if (!_settled[i] && (next < 0 || earliest[i] < earliest[next]))
                {
                    next = i;
                }
            }

            _settled[next] = true;
            foreach (var l in _outbound[next])
            {
                var link = _links[l];
                var reach = earliest[next] + link.Lookahead;
                if (reach < earliest[link.To])
                {
                    earliest[link.To] = reach;
                }
            }
        }
    }

    /// <summary>
    /// Fills <paramref name="horizons"/> with each line's safe horizon H_j (at most <see cref="EndTime"/>, and for a line
    /// with outbound links at most <see cref="MaxWindow"/> past its next event).
    /// </summary>
    public void SafeHorizons(ReadOnlySpan<double> nextEventTimes, Span<double> horizons)
    {
        CheckLengths(nextEventTimes.Length, horizons.Length);
        Span<double> earliest = LineCount <= 256 ? stackalloc double[LineCount] : new double[LineCount];
        EarliestEventTimes(nextEventTimes, earliest);
        for (var j = 0; j < LineCount; j++)
        {
            var horizon = EndTime;
            foreach (var l in _inbound[j])
            {
                var link = _links[l];
                horizon = Math.Min(horizon, earliest[link.From] + link.Lookahead);
            }

            // The window only bounds lines that send items (so they do not buffer a whole run for their consumers); it only
            // ever lowers a safe horizon and stays above the line's next event: safe, and still progressing.
            horizons[j] = _outbound[j].Length > 0 ? Math.Min(horizon, nextEventTimes[j] + MaxWindow) : horizon;
        }
    }

    /// <summary>The safe horizons as a new array; see <see cref="SafeHorizons(ReadOnlySpan{double}, Span{double})"/>.</summary>
    public double[] SafeHorizons(params double[] nextEventTimes)
    {
        ArgumentNullException.ThrowIfNull(nextEventTimes);
        var horizons = new double[LineCount];
        SafeHorizons(nextEventTimes, horizons);
        return horizons;
    }

    private int[][] Group(int lineCount, Func<ScheduleLink, int> by)
    {
        var groups = new int[lineCount][];
        for (var i = 0; i < lineCount; i++)
        {
            var line = i;
            groups[i] = Enumerable.Range(0, _links.Length).Where(l => by(_links[l]) == line).ToArray();
        }

        return groups;
    }

    private void CheckLengths(int given, int output)
    {
        if (given != LineCount || output != LineCount)
        {
            throw new ArgumentException($"Expected one time per line ({LineCount}); got {given} in and room for {output} out.");
        }
    }
}
