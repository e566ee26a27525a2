using System.Globalization;
using ActorSim.Model.Plants;
using ActorSim.Model.Snapshots;

namespace ActorSim.Snapshots.Database.Internal;

/// <summary>
/// Builds the observed snapshot of a plant from the rows one read saw. Times: every timestamp is an instant (one
/// without a zone is UTC); the run's start is the one given, else midnight (UTC) of the day of the earliest time read;
/// simulated seconds are seconds since that start. Each line's part is <see cref="LineAssembly"/>'s.
/// </summary>
internal sealed class SnapshotAssembly
{
    private readonly PlantModel _plant;
    private readonly StateRows _rows;
    private readonly DateTime _instant;
    private readonly DateTime _startUtc;
    private readonly DateTime _start;

    private SnapshotAssembly(PlantModel plant, StateRows rows, DateTime? start)
    {
        _plant = plant;
        _rows = rows;
        _instant = Utc(rows.Instant);
        if (start is { } given)
        {
            (_start, _startUtc) = (given, Utc(given));
        }
        else
        {
            var earliest = rows.WipRows.Select(r => r.HoldingSince is { } h && h < r.Since ? h : r.Since).Append(_instant).Min();
            _startUtc = earliest.Date;
            _start = DateTime.SpecifyKind(_startUtc, DateTimeKind.Unspecified);
        }
    }

    /// <summary>The snapshot of <paramref name="plant"/> (named <paramref name="modelName"/>) that <paramref name="rows"/> describe.</summary>
    /// <exception cref="SnapshotException">A row does not fit the model, naming the relation, the row's key and the column.</exception>
    public static ModelSnapshot Build(PlantModel plant, string modelName, StateRows rows, DateTime? start) =>
        new SnapshotAssembly(plant, rows, start).Build(modelName);

    /// <summary>A timestamp for messages: <c>2026-03-01T06:00:00.25Z</c>.</summary>
    public static string Show(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'", CultureInfo.InvariantCulture);

    private ModelSnapshot Build(string modelName)
    {
        var asOf = Seconds(_instant);
        if (asOf < 0)
        {
            throw new SnapshotException($"The instant {Show(_instant)} is before the run's start {Show(_startUtc)}: give a start at or before it.");
        }

        var lines = _plant.Lines.ToDictionary(l => l.SimId, l => new LineAssembly(_plant, l, asOf, Seconds), StringComparer.Ordinal);
        foreach (var row in _rows.WipRows)
        {
            LineOf(lines, _rows.Wip, "key", row.Key, row.Line).Wip.Add(row);
        }

        foreach (var row in _rows.ParameterRows)
        {
            LineOf(lines, _rows.Parameters, "path", row.Path, row.Line).Parameters.Add(row);
        }

        foreach (var row in _rows.ResourceRows ?? [])
        {
            LineOf(lines, _rows.Resources, "resource", row.Resource, row.Line).Resources.Add(row);
        }

        return new ModelSnapshot
        {
            Kind = SnapshotKind.Observed,
            Model = new ModelIdentity(modelName, ModelFingerprint.Of(_plant)),
            Start = _start,
            AsOf = asOf,
            AsOfTimestamp = _start.Add(_instant - _startUtc),
            Lines = _plant.Lines.Select(l => lines[l.SimId].Build(_rows, _instant)).ToArray(),
        };
    }

    private LineAssembly LineOf(Dictionary<string, LineAssembly> lines, RelationSource source, string keyColumn, string key, string line) =>
        lines.TryGetValue(line, out var assembly)
            ? assembly
            : throw Refusal.Row(source, keyColumn, key, null, "line", $"the model has no line '{line}'; it has {string.Join(", ", _plant.Lines.Select(l => l.SimId))}");

    /// <summary>Simulated seconds from the start to the UTC instant <paramref name="utc"/>.</summary>
    private double Seconds(DateTime utc) => (utc - _startUtc).Ticks / (double)TimeSpan.TicksPerSecond;

    private static DateTime Utc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Local => time.ToUniversalTime(),
        DateTimeKind.Utc => time,
        _ => DateTime.SpecifyKind(time, DateTimeKind.Utc),
    };
}
