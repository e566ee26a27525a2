using System.Globalization;
using ActorSim.Engine;
using ActorSim.Model.Plants.Internal;

namespace ActorSim.Model.Plants;

/// <summary>
/// The coordinator of conservative synchronization as a state machine, free of threads and actors: lines say they
/// are <see cref="Ready"/>; each <see cref="NextRound"/> grants every line that can advance its safe horizon (see
/// <see cref="ConservativeSchedule"/>) with the items due to it, sorted by (arrival time, source line, sequence);
/// lines run and <see cref="Report"/> their next event time and the items they sent, which the core checks and
/// holds for their destinations. The run is over when every line has reached the end time. The actor layer wraps
/// this class in its coordinator; <see cref="WindowedPlantRunner"/> drives it in a loop.
/// </summary>
public sealed class SyncCoordinatorCore
{
    private readonly Dictionary<string, ScheduleLink> _links;
    private readonly double[] _now;
    private readonly double[] _next;
    private readonly double[] _granted;
    private readonly double[] _floor;
    private readonly bool[] _ready;
    private readonly List<ItemShipment>[] _pending;
    private readonly List<ItemShipment> _beyondEnd = [];
    private readonly double[] _directEarliest;
    private readonly Dictionary<int, long>[] _directDue;
    private readonly Dictionary<int, long>[] _directHanded;
    private readonly double[] _scratchNext;
    private readonly double[] _scratchHorizons;
    private int _readyCount;
    private int _awaiting;

    /// <summary>Creates a coordinator for the lines and links of <paramref name="schedule"/>.</summary>
    public SyncCoordinatorCore(ConservativeSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        Schedule = schedule;
        var n = schedule.LineCount;
        _links = schedule.Links.ToDictionary(l => l.Name, StringComparer.Ordinal);
        _now = new double[n];
        _next = new double[n];
        _granted = new double[n];
        _floor = new double[n];
        _ready = new bool[n];
        _pending = Enumerable.Range(0, n).Select(_ => new List<ItemShipment>()).ToArray();
        _directEarliest = new double[n];
        Array.Fill(_directEarliest, double.PositiveInfinity);
        _directDue = Enumerable.Range(0, n).Select(_ => new Dictionary<int, long>()).ToArray();
        _directHanded = Enumerable.Range(0, n).Select(_ => new Dictionary<int, long>()).ToArray();
        _scratchNext = new double[n];
        _scratchHorizons = new double[n];
        Array.Fill(_granted, double.NaN);
    }

    /// <summary>The link graph, lookaheads and end time.</summary>
    public ConservativeSchedule Schedule { get; }

    /// <summary>
    /// A cap on every horizon granted, for runs paced by the wall clock (+∞ when unpaced). When every line has
    /// reached it, <see cref="NextRound"/> returns no grants: call again once the wall clock has moved on.
    /// </summary>
    public double HorizonLimit { get; set; } = double.PositiveInfinity;

    /// <summary>Rounds granted so far (<see cref="NextRound"/>), or batches of grants (<see cref="NextGrants"/>).</summary>
    public long Rounds { get; private set; }

    /// <summary>Grants handed out so far (a round grants only the lines that can advance).</summary>
    public long Grants { get; private set; }

    /// <summary>Items handed to their destination lines so far.</summary>
    public long ItemsDelivered { get; private set; }

    /// <summary>Lines granted in the current round that have not reported yet.</summary>
    public int AwaitingReports => _awaiting;

    /// <summary>True once every line is ready, has reported, and has reached the end time.</summary>
    public bool IsFinished => _readyCount == Schedule.LineCount && _awaiting == 0 && _now.All(t => t >= Schedule.EndTime);

    /// <summary>Items sent and not handed to their destination lines: held for a later grant, or due after the end time (for a snapshot).</summary>
    public IEnumerable<ItemShipment> PendingItems => _pending.SelectMany(p => p).Concat(_beyondEnd);

    /// <summary>The simulated time line <paramref name="line"/> has reached (its last granted horizon).</summary>
    public double ReachedTime(int line) => _now[line];

    /// <summary>Registers a started line: its current time and the time of its first scheduled event (+∞ for none).</summary>
    public void Ready(int line, double now, double nextEventTime)
    {
        CheckLine(line);
        if (_ready[line])
        {
            throw new InvalidOperationException($"Line {line} said it was ready twice.");
        }

        if (!double.IsFinite(now) || double.IsNaN(nextEventTime) || nextEventTime < now)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Line {line} is ready at t={SimTime.Format(now)} with its next event at t={SimTime.Format(nextEventTime)}; both must be numbers and the event not in the past."));
        }

        _ready[line] = true;
        _readyCount++;
        _now[line] = now;
        _next[line] = nextEventTime;
    }

    /// <summary>
    /// Opens the next round: computes every line's safe horizon and grants those that can advance, handing them the
    /// items due. Returns no grant once <see cref="IsFinished"/>. Every grant must be reported before the next round.
    /// </summary>
    public IReadOnlyList<LineGrant> NextRound()
    {
        CheckAllReady();

        if (_awaiting > 0)
        {
            throw new InvalidOperationException($"{_awaiting} line(s) have not reported on round {Rounds}.");
        }

        if (IsFinished)
        {
            return [];
        }

        ComputeSafeHorizons();
        var grants = new List<LineGrant>();
        for (var j = 0; j < _next.Length; j++)
        {
            var horizon = Math.Min(_scratchHorizons[j], HorizonLimit);
            if (!(horizon > _now[j]))
            {
                continue;
            }

            grants.Add(Grant(j, horizon));
        }

        if (grants.Count == 0 && HorizonLimit < double.PositiveInfinity)
        {
            // Paced: every line is at the wall clock's limit.
            return grants;
        }

        if (grants.Count == 0)
        {
            // Cannot happen with positive lookaheads: the line with the earliest next event can always advance.
            throw new InvalidOperationException("No line can advance its horizon; the link graph has a cycle without lookahead.");
        }

        _awaiting = grants.Count;
        Grants += grants.Count;
        Rounds++;
        return grants;
    }

    /// <summary>
    /// Grants, without waiting for a round to end, every line that is not running a grant and whose safe horizon has
    /// moved past where it stands, handing it the items due. Lines still running count with the earliest time they
    /// could act at when granted. A line that sends items is not granted while it is two windows (2 ×
    /// <see cref="ConservativeSchedule.MaxWindow"/>) or more ahead of one of its destinations, so items do not pile up
    /// for a slower consumer. Returns no grant while every line that could advance is running; throws when no line
    /// runs and none can advance, which positive lookaheads rule out. Records are those of <see cref="NextRound"/>:
    /// where grants end changes no record.
    /// </summary>
    public IReadOnlyList<LineGrant> NextGrants()
    {
        CheckAllReady();

        if (IsFinished)
        {
            return [];
        }

        ComputeSafeHorizons();
        var grants = new List<LineGrant>();
        for (var j = 0; j < _next.Length; j++)
        {
            var horizon = Math.Min(_scratchHorizons[j], HorizonLimit);
            if (!double.IsNaN(_granted[j]) || !(horizon > _now[j]) || IsFarAhead(j))
            {
                continue;
            }

            _floor[j] = _scratchNext[j];
            grants.Add(Grant(j, horizon));
        }

        if (grants.Count == 0)
        {
            if (_awaiting == 0 && double.IsPositiveInfinity(HorizonLimit))
            {
                throw new InvalidOperationException("No line can advance its horizon; the link graph has a cycle without lookahead.");
            }

            return grants;
        }

        _awaiting += grants.Count;
        Grants += grants.Count;
        Rounds++;
        return grants;
    }

    /// <summary>Takes a granted line's report: it reached its horizon (or stopped early when curtailed); checks and holds the items it sent.</summary>
    public void Report(LineReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var line = report.Line;
        CheckLine(line);
        var horizon = _granted[line];
        if (double.IsNaN(horizon))
        {
            throw new InvalidOperationException($"Line {line} reported without a grant in round {Rounds}.");
        }

        var reached = report.Reached ?? horizon;
        if (double.IsNaN(reached) || reached > horizon || reached < _now[line])
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Line {line} says it stopped at t={SimTime.Format(reached)}, outside its grant from t={SimTime.Format(_now[line])} to t={SimTime.Format(horizon)}."));
        }

        if (double.IsNaN(report.NextEventTime) || report.NextEventTime < reached)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Line {line} reports its next event at t={SimTime.Format(report.NextEventTime)}, before its horizon t={SimTime.Format(reached)}: it did not run to the horizon."));
        }

        foreach (var shipment in report.Sent)
        {
            Accept(line, shipment);
        }

        foreach (var direct in report.Direct ?? [])
        {
            AcceptDirect(line, direct);
        }

        _now[line] = reached;
        _next[line] = report.NextEventTime;
        _granted[line] = double.NaN;
        _awaiting--;
    }

    private void CheckAllReady()
    {
        if (_readyCount < Schedule.LineCount)
        {
            throw new InvalidOperationException($"{Schedule.LineCount - _readyCount} line(s) have not said they are ready.");
        }
    }

    /// <summary>
    /// Fills the scratch horizons from each line's earliest possible event: its next event and pending items, or for a
    /// line running a grant the earliest time it could act at when granted (only <see cref="NextGrants"/> leaves lines running).
    /// </summary>
    private void ComputeSafeHorizons()
    {
        for (var j = 0; j < _next.Length; j++)
        {
            var earliest = Math.Min(double.IsNaN(_granted[j]) ? _next[j] : _floor[j], _directEarliest[j]);
            foreach (var shipment in _pending[j])
            {
                earliest = Math.Min(earliest, shipment.ArrivalTime);
            }

            _scratchNext[j] = earliest;
        }

        Schedule.SafeHorizons(_scratchNext, _scratchHorizons);
    }

    /// <summary>Hands line <paramref name="line"/> its pending items, sorted, and records its grant to <paramref name="horizon"/>.</summary>
    private LineGrant Grant(int line, double horizon)
    {
        var deliveries = _pending[line];
        if (deliveries.Count > 0)
        {
            deliveries.Sort(DeliveryOrder.Comparison);
            _pending[line] = [];
            ItemsDelivered += deliveries.Count;
        }

        _granted[line] = horizon;
        return new LineGrant(line, horizon, deliveries.Count > 0 ? deliveries : [], ReleaseDirect(line));
    }

    /// <summary>The items sent straight to <paramref name="line"/> that its grant now releases, per source line.</summary>
    private DirectRelease[] ReleaseDirect(int line)
    {
        var due = _directDue[line];
        if (due.Count == 0)
        {
            return [];
        }

        var releases = new DirectRelease[due.Count];
        var k = 0;
        foreach (var (source, through) in due.OrderBy(d => d.Key))
        {
            ItemsDelivered += through - _directHanded[line].GetValueOrDefault(source);
            _directHanded[line][source] = through;
            releases[k++] = new DirectRelease(source, through);
        }

        due.Clear();
        _directEarliest[line] = double.PositiveInfinity;
        return releases;
    }

    /// <summary>True when line <paramref name="line"/> stands two windows or more past one of the lines it sends to.</summary>
    private bool IsFarAhead(int line)
    {
        var limit = 2 * Schedule.MaxWindow;
        foreach (var destination in Schedule.Destinations(line))
        {
            if (_now[line] >= _now[destination] + limit)
            {
                return true;
            }
        }

        return false;
    }

    private void Accept(int line, ItemShipment shipment)
    {
        if (!_links.TryGetValue(shipment.Link, out var link) || link.From != line || link.To != shipment.DestinationLine || shipment.SourceLine != line)
        {
            throw new InvalidOperationException(
                $"Line {line} sent item {shipment.Item.Key} over link '{shipment.Link}' from line {shipment.SourceLine} to line {shipment.DestinationLine}, which is not a link of the plant from line {line}.");
        }

        // The destination may already have run to its horizon in this round (or an earlier one): an item due before
        // that would land in its past. The lookahead rules this out; this check catches a line that broke it.
        var destination = shipment.DestinationLine;
        var committed = double.IsNaN(_granted[destination]) ? _now[destination] : Math.Max(_now[destination], _granted[destination]);
        if (shipment.ArrivalTime < shipment.SentAt + link.Lookahead || shipment.ArrivalTime < committed)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Link '{link.Name}': item {shipment.Item.Key} sent at t={SimTime.Format(shipment.SentAt)} arrives at t={SimTime.Format(shipment.ArrivalTime)}, sooner than the lookahead of {link.Lookahead} s allows (line {destination} may already have run to t={SimTime.Format(committed)})."));
        }

        if (shipment.ArrivalTime < Schedule.EndTime)
        {
            _pending[destination].Add(shipment);
        }
        else
        {
            // Due after the run: never handed over, but still on its way (a snapshot at the end holds it).
            _beyondEnd.Add(shipment);
        }
    }

    /// <summary>Notes items <paramref name="line"/> sent straight to a line on its node: due with that line's next grant.</summary>
    private void AcceptDirect(int line, DirectlySent direct)
    {
        var destination = direct.DestinationLine;
        CheckLine(destination);
        if (!Schedule.Destinations(line).Contains(destination))
        {
            throw new InvalidOperationException($"Line {line} sent items straight to line {destination}, which no link of the plant from line {line} reaches.");
        }

        var committed = double.IsNaN(_granted[destination]) ? _now[destination] : Math.Max(_now[destination], _granted[destination]);
        var handed = Math.Max(_directHanded[destination].GetValueOrDefault(line), _directDue[destination].GetValueOrDefault(line));
        if (double.IsNaN(direct.EarliestArrival) || direct.EarliestArrival < committed || direct.Through <= handed)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Line {line} sent items straight to line {destination} up to number {direct.Through}, the first due at t={SimTime.Format(direct.EarliestArrival)}; line {destination} may already have run to t={SimTime.Format(committed)} and has {handed} from it."));
        }

        _directDue[destination][line] = direct.Through;
        _directEarliest[destination] = Math.Min(_directEarliest[destination], direct.EarliestArrival);
    }

    private void CheckLine(int line)
    {
        if ((uint)line >= (uint)Schedule.LineCount)
        {
            throw new ArgumentOutOfRangeException(nameof(line), line, $"Lines are numbered 0 to {Schedule.LineCount - 1}.");
        }
    }
}
