using System.Globalization;
using ActorSim.Model.Building;
using ActorSim.Model.Plants;
using ActorSim.Model.Records;
using ActorSim.Model.Registry;
using ActorSim.Model.Snapshots;
using ActorSim.Snapshots.EventLogs;

namespace ActorSim.Snapshots.Observed;

/// <summary>
/// Rebuilds an observed snapshot of a model at an instant T from the lifecycle and telemetry records of its event log
/// (ActorSim's, which is dynamic-des's record format), fed in any order of streams but each stream in time order:
/// tasks queued and not started at T are queued (first come, first served), started and not finished are in service,
/// a task queued at a hand-off step holds the previous step's unit since that step started; an item sent and not yet
/// arrived is in transit; capacities come from the latest capacity telemetry or scenario change before T; keys go on
/// from the highest task number seen. Records at or after T are ignored (the log's times are whole milliseconds).
/// </summary>
public sealed class EventLogRebuild
{
    private const string Queued = "queued";
    private const string Started = "started";
    private const string Finished = "finished";
    private const string Sent = "sent";

    private readonly PlantModel _plant;
    private readonly string _modelName;
    private readonly LineLog[] _lines;
    private readonly Dictionary<string, (int Line, (int Task, int Step)[] Uses)> _services = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int From, int To, string Link)> _links = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Line, string Resource)> _capacityPaths = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<SentItem>>[] _sent;
    private readonly Dictionary<string, Queue<TaskTrack>>[] _arrivedFirst;
    private long _order;

    /// <summary>A rebuild of <paramref name="plant"/> (named <paramref name="modelName"/>) at <paramref name="at"/> simulated seconds.</summary>
    public EventLogRebuild(PlantModel plant, string modelName, double at)
    {
        ArgumentNullException.ThrowIfNull(plant);
        if (!(at > 0) || double.IsInfinity(at))
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, "A rebuild's instant is a finite number of simulated seconds after 0.");
        }

        _plant = plant;
        _modelName = modelName;
        At = at;
        _lines = plant.Lines.Select(l => new LineLog(l)).ToArray();
        _sent = _lines.Select(_ => new Dictionary<string, Queue<SentItem>>(StringComparer.Ordinal)).ToArray();
        _arrivedFirst = _lines.Select(_ => new Dictionary<string, Queue<TaskTrack>>(StringComparer.Ordinal)).ToArray();
        for (var i = 0; i < plant.Lines.Count; i++)
        {
            var line = plant.Lines[i];
            for (var t = 0; t < line.Tasks.Count; t++)
            {
                for (var s = 0; s < line.Tasks[t].Steps.Count; s++)
                {
                    var path = $"{line.SimId}.service.{line.Tasks[t].Steps[s].Service}";
                    var uses = _services.TryGetValue(path, out var known) ? known.Uses : [];
                    _services[path] = (i, [.. uses, (t, s)]);
                }
            }

            foreach (var resource in line.ResourceNames)
            {
                _capacityPaths[$"{line.SimId}.{resource}.capacity"] = (i, resource);
            }
        }

        foreach (var link in plant.Links)
        {
            _links[link.Path] = (plant.IndexOf(link.From), plant.IndexOf(link.To), link.Name);
        }
    }

    /// <summary>The instant, in simulated seconds.</summary>
    public double At { get; }

    /// <summary>Records taken so far (before <see cref="At"/>).</summary>
    public long RecordsRead { get; private set; }

    /// <summary>The log's logical start, from the first record with a timestamp (timestamp − sim_ts), or null.</summary>
    public DateTime? LogStart { get; private set; }

    /// <summary>Takes one record; one at or after <see cref="At"/> is ignored.</summary>
    /// <exception cref="SnapshotException">The record does not fit the model (a service or link it does not have, a task out of step).</exception>
    public void Add(in LoggedRecord record)
    {
        if (!(record.SimTime < At))
        {
            return;
        }

        RecordsRead++;
        if (LogStart is null && record.Timestamp is { } timestamp)
        {
            LogStart = timestamp.AddTicks(-(long)Math.Round(record.SimTime * TimeSpan.TicksPerSecond));
        }

        if (record.Kind == RecordKind.Telemetry)
        {
            if (record.PathId is { } path && record.Number is { } value && _capacityPaths.TryGetValue(path, out var capacity))
            {
                var log = _lines[capacity.Line];
                if (!log.Capacities.TryGetValue(capacity.Resource, out var seen) || seen.Time <= record.SimTime)
                {
                    log.Capacities[capacity.Resource] = (record.SimTime, value);
                }
            }

            return;
        }

        if (record.Status is { } status && record.Key is { } key && record.PathId is { } pathId)
        {
            Lifecycle(record.SimTime, key, pathId, status);
        }
    }

    /// <summary>The observed snapshot at <see cref="At"/> of what was added, its runs starting at <paramref name="start"/>.</summary>
    public ModelSnapshot Build(DateTime start) => new()
    {
        Kind = SnapshotKind.Observed,
        Model = new ModelIdentity(_modelName, ModelFingerprint.Of(_plant)),
        Start = start,
        AsOf = At,
        AsOfTimestamp = ActorSim.Engine.SimTime.ToInstant(start, At),
        Lines = _lines.Select((_, i) => BuildLine(i)).ToArray(),
    };

    private void Lifecycle(double time, string key, string pathId, string status)
    {
        if (status == Sent)
        {
            if (_links.TryGetValue(pathId, out var link))
            {
                Send(link, key, time);
            }

            return;
        }

        if (status is not (Queued or Started or Finished))
        {
            return;
        }

        if (!_services.TryGetValue(pathId, out var service))
        {
            throw Refused(time, key, pathId, status, "the model has no such service");
        }

        var log = _lines[service.Line];
        var tasks = log.Model.Tasks;
        log.Tasks.TryGetValue(key, out var track);
        switch (status)
        {
            case Queued when track is null:
                var kind = KindOf(log, service.Uses, key) ?? throw Refused(time, key, pathId, status, "no task of the line starts with this service");
                var created = new TaskTrack(kind, _order++) { Since = time };
                log.Tasks[key] = created;
                if (tasks[kind].FromLink is not null)
                {
                    Arrived(service.Line, key, created);
                }

                break;
            case Queued when track.State == TrackState.BetweenSteps && track.Step + 1 < tasks[track.Kind].Steps.Count && Uses(service, track.Kind, track.Step + 1):
                track.Step++;
                (track.State, track.Since, track.Order) = (TrackState.Queued, time, _order++);
                break;
            case Started when track is { State: TrackState.Queued } && Uses(service, track.Kind, track.Step):
                (track.State, track.Since, track.StartedAt) = (TrackState.InService, time, time);
                break;
            case Finished when track is { State: TrackState.InService } && Uses(service, track.Kind, track.Step):
                if (track.Step + 1 == tasks[track.Kind].Steps.Count)
                {
                    log.Tasks.Remove(key);
                }
                else
                {
                    (track.State, track.Since) = (TrackState.BetweenSteps, time);
                }

                break;
            default:
                throw Refused(time, key, pathId, status, track is null
                    ? "the task was never queued"
                    : $"the task is {Describe(track.State)} at step {track.Step} of '{tasks[track.Kind].Name}'");
        }
    }

    /// <summary>The kind of a new task: one created by arrivals whose key prefix fits, else one started by a link, else any that starts with the service.</summary>
    private static int? KindOf(LineLog log, (int Task, int Step)[] uses, string key)
    {
        int? linked = null;
        int? any = null;
        foreach (var (task, step) in uses)
        {
            if (step != 0)
            {
                continue;
            }

            var definition = log.Model.Tasks[task];
            if (definition.FromLink is null && KeyNumber(key, definition.KeyPrefix) is { } number)
            {
                log.HighestTaskNumber = Math.Max(log.HighestTaskNumber, number);
                return task;
            }

            linked ??= definition.FromLink is not null ? task : null;
            any ??= task;
        }

        return linked ?? any;
    }

    private static bool Uses((int Line, (int Task, int Step)[] Uses) service, int task, int step) => service.Uses.Contains((task, step));

    private void Send((int From, int To, string Link) link, string key, double time)
    {
        var sender = _lines[link.From];
        var item = new SentItem(link.Link, link.From, sender.ItemsSent++, time, key);
        var owed = _arrivedFirst[link.To];
        if (owed.TryGetValue(key, out var waiting) && waiting.Count > 0)
        {
            // Its arrival was read first (another stream): matched, and the task it started is the one of its link.
            Settle(link.To, waiting.Dequeue(), link.Link);
            return;
        }

        var pending = _sent[link.To];
        if (!pending.TryGetValue(key, out var queue))
        {
            pending[key] = queue = new Queue<SentItem>();
        }

        queue.Enqueue(item);
    }

    private void Arrived(int line, string key, TaskTrack track)
    {
        if (_sent[line].TryGetValue(key, out var queue) && queue.Count > 0)
        {
            var item = queue.Dequeue();
            if (queue.Count == 0)
            {
                _sent[line].Remove(key);
            }

            Settle(line, track, item.Link);
            return;
        }

        if (!_arrivedFirst[line].TryGetValue(key, out var waiting))
        {
            _arrivedFirst[line][key] = waiting = new Queue<TaskTrack>();
        }

        waiting.Enqueue(track);
    }

    /// <summary>A task started by an item that came over <paramref name="link"/> is of the kind that link starts.</summary>
    private void Settle(int line, TaskTrack track, string link)
    {
        var tasks = _lines[line].Model.Tasks;
        for (var t = 0; t < tasks.Count; t++)
        {
            if (tasks[t].FromLink == link)
            {
                track.Kind = t;
                return;
            }
        }
    }

    private LineSnapshot BuildLine(int index)
    {
        var log = _lines[index];
        var model = log.Model;
        var (parameters, scenario, capacitySetAt) = Registry(index);
        var resources = new List<ResourceSnapshot>();
        foreach (var name in model.ResourceNames)
        {
            var path = $"{model.SimId}.resources.{name}";
            var current = Convert.ToInt32(parameters[$"{path}.current_cap"], CultureInfo.InvariantCulture);
            if (log.Capacities.TryGetValue(name, out var seen) && seen.Time >= capacitySetAt.GetValueOrDefault(name, double.NegativeInfinity))
            {
                current = (int)seen.Value;
                parameters[$"{path}.current_cap"] = (long)current;
            }

            resources.Add(new ResourceSnapshot(name, current, Convert.ToInt32(parameters[$"{path}.max_cap"], CultureInfo.InvariantCulture)));
        }

        var tasks = new List<TaskSnapshot>();
        var tracked = log.Tasks.Select(p => (Key: p.Key, Track: p.Value)).ToArray();
        foreach (var (key, track) in tracked.Where(t => t.Track.State == TrackState.InService).OrderBy(t => t.Track.Since).ThenBy(t => t.Track.Order))
        {
            tasks.Add(new TaskSnapshot { Key = key, Task = model.Tasks[track.Kind].Name, Step = track.Step, State = TaskState.InService, Since = track.Since });
        }

        // Queued (or between two steps: the next step queues at the same instant), resource by resource in service order.
        var resourceOrder = model.ResourceNames.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var queued = tracked.Where(t => t.Track.State != TrackState.InService)
            .Select(t => (t.Key, t.Track, Step: t.Track.State == TrackState.BetweenSteps ? t.Track.Step + 1 : t.Track.Step))
            .Select(t => (t.Key, t.Track, t.Step, Definition: model.Tasks[t.Track.Kind].Steps[t.Step]))
            .OrderBy(t => resourceOrder[t.Definition.Resource]).ThenBy(t => t.Definition.Priority).ThenBy(t => t.Track.Since).ThenBy(t => t.Track.Order);
        foreach (var (key, track, step, definition) in queued)
        {
            var previous = step > 0 ? model.Tasks[track.Kind].Steps[step - 1] : null;
            tasks.Add(new TaskSnapshot
            {
                Key = key,
                Task = model.Tasks[track.Kind].Name,
                Step = step,
                State = TaskState.Queued,
                Since = track.Since,
                Holding = definition.HandOff && previous is not null ? new HeldResource(previous.Resource, track.StartedAt) : null,
            });
        }

        var inTransit = _sent[index].Values.SelectMany(q => q)
            .OrderBy(i => i.SentAt).ThenBy(i => i.From).ThenBy(i => i.Sequence)
            .Select(i => new ItemInTransit { Link = i.Link, From = _plant.Lines[i.From].SimId, Sequence = i.Sequence, SentAt = i.SentAt, Key = i.Key })
            .ToArray();
        return new LineSnapshot
        {
            SimId = model.SimId,
            Parameters = parameters,
            Scenario = scenario,
            Resources = resources,
            Tasks = tasks,
            NextTaskNumber = log.HighestTaskNumber + 1,
            ItemsSent = log.ItemsSent,
            InTransit = inTransit,
        };
    }

    /// <summary>The line's registry values at the instant (the model's, with the scenario changes before it), the changes to come, and when each resource's capacity was last set by the scenario.</summary>
    private (SortedDictionary<string, object> Values, ScenarioStep[] ToCome, Dictionary<string, double> CapacitySetAt) Registry(int index)
    {
        var model = _plant.Lines[index];
        var registry = _plant.CreateRegistry(index);

        var setAt = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var change in model.Scenario.Where(c => c.At < At))
        {
            registry.Update(change.Path, change.Value);
            foreach (var name in model.ResourceNames.Where(n => change.Path == $"{model.SimId}.resources.{n}.current_cap"))
            {
                setAt[name] = change.At;
            }
        }

        var values = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var path in registry.Paths)
        {
            values[path] = registry.Get(path);
        }

        var toCome = model.Scenario.Where(c => c.At >= At).Select(c => new ScenarioStep(c.At, c.Path, c.Value)).ToArray();
        return (values, toCome, setAt);
    }

    private static long? KeyNumber(string key, string prefix) =>
        key.Length > prefix.Length && key.StartsWith(prefix, StringComparison.Ordinal)
        && long.TryParse(key.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    private static string Describe(TrackState state) => state switch
    {
        TrackState.Queued => "queued",
        TrackState.InService => "in service",
        _ => "between steps",
    };

    private static SnapshotException Refused(double time, string key, string pathId, string status, string why) =>
        new(string.Create(CultureInfo.InvariantCulture, $"The record at sim_ts {time:0.###} (key '{key}', path_id '{pathId}', status '{status}') does not fit the model: {why}."));
}
