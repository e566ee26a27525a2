using System.Runtime.CompilerServices;
using ActorSim.Egress.Internal;
using ActorSim.Egress.Formatting;
using ActorSim.Model.Records;

namespace ActorSim.Egress.Routing;

/// <summary>
/// Built-in routers and combinators: start from <see cref="All"/>, <see cref="ByStreamType"/> or
/// <see cref="ByPathIdPrefix"/>, then chain <see cref="DropTelemetry"/>, <see cref="DropLagMetric"/>,
/// <see cref="Flatten"/>, <see cref="PartitionByDate"/> or <see cref="Where"/>.
/// </summary>
public static class Routers
{
    /// <summary>The lag monitor's telemetry path.</summary>
    public const string LagMetricPath = "system.simulation.lag_seconds";

    private const string LagSuffix = "." + LagMetricPath;

    /// <summary>Every record to one destination, unflattened.</summary>
    public static RecordRouter All(string destination)
    {
        var path = RequireDestination(destination, nameof(destination));
        return [MethodImpl(HotPath.Options)] (in SimRecord _, DateTime _) => new Route(path);
    }

    /// <summary>Events to one destination, telemetry to another; null for either drops that stream.</summary>
    public static RecordRouter ByStreamType(string? events, string? telemetry)
    {
        var e = events is null ? null : RequireDestination(events, nameof(events));
        var t = telemetry is null ? null : RequireDestination(telemetry, nameof(telemetry));
        return [MethodImpl(HotPath.Options)] (in SimRecord r, DateTime _) => new Route(r.Kind == RecordKind.Event ? e : t);
    }

    /// <summary>
    /// By <c>path_id</c> (telemetry path, or a lifecycle event's service path): the first matching prefix wins;
    /// records with no match (or no path_id, such as custom events) go to <paramref name="fallback"/>, or are dropped when it is null.
    /// </summary>
    public static RecordRouter ByPathIdPrefix(string? fallback, params (string Prefix, string Destination)[] routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var prefixes = routes.Select(r => r.Prefix ?? throw new ArgumentException("A path_id prefix is null.", nameof(routes))).ToArray();
        var destinations = routes.Select(r => RequireDestination(r.Destination, nameof(routes))).ToArray();
        var other = fallback is null ? null : RequireDestination(fallback, nameof(fallback));
        return [MethodImpl(HotPath.Options)] (in SimRecord r, DateTime _) =>
        {
            var pathId = r.PathId;
            if (pathId is not null)
            {
                for (var i = 0; i < prefixes.Length; i++)
                {
                    if (pathId.StartsWith(prefixes[i], StringComparison.Ordinal))
                    {
                        return new Route(destinations[i]);
                    }
                }
            }

            return new Route(other);
        };
    }

    /// <summary>
    /// dynamic-des's history router: telemetry (the lag metric included) dropped, events flattened into
    /// <c>stream_type, sim_ts, timestamp, key, path_id, status</c>, all to <paramref name="destination"/>.
    /// </summary>
    public static RecordRouter History(string destination = "events.parquet") => All(destination).DropTelemetry().Flatten();

    /// <summary>Drops every telemetry record, then routes the rest with <paramref name="inner"/>.</summary>
    public static RecordRouter DropTelemetry(this RecordRouter inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        return [MethodImpl(HotPath.Options)] (in SimRecord r, DateTime start) => r.Kind == RecordKind.Telemetry ? Route.Drop : inner(in r, start);
    }

    /// <summary>Drops the lag metric (<see cref="LagMetricPath"/>, also under a sim-id prefix), then routes the rest with <paramref name="inner"/>.</summary>
    public static RecordRouter DropLagMetric(this RecordRouter inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        return [MethodImpl(HotPath.Options)] (in SimRecord r, DateTime start) => IsLagMetric(in r) ? Route.Drop : inner(in r, start);
    }

    /// <summary>Keeps only records <paramref name="keep"/> accepts (the rest are dropped), then routes with <paramref name="inner"/>.</summary>
    public static RecordRouter Where(this RecordRouter inner, RecordFilter keep)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(keep);
        return [MethodImpl(HotPath.Options)] (in SimRecord r, DateTime start) => keep(in r) ? inner(in r, start) : Route.Drop;
    }

    /// <summary>
    /// Flattens events routed by <paramref name="inner"/>: a lifecycle value becomes columns <c>path_id, status</c>,
    /// a dictionary value its keys; a scalar value stays in <c>value</c>. Telemetry is not affected.
    /// </summary>
    public static RecordRouter Flatten(this RecordRouter inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        return [MethodImpl(HotPath.Options)] (in SimRecord r, DateTime start) =>
        {
            var route = inner(in r, start);
            return route.IsDrop ? route : route with { Flatten = true };
        };
    }

    /// <summary>
    /// Puts each destination of <paramref name="inner"/> under a Hive-style folder of the record's date
    /// (its timestamp = logical start + sim_ts): <c>events.parquet</c> → <c>date=2026-01-01/events.parquet</c>.
    /// </summary>
    public static RecordRouter PartitionByDate(this RecordRouter inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        var cache = new DatePartitionCache();
        return [MethodImpl(HotPath.Options)] (in SimRecord r, DateTime start) =>
        {
            var route = inner(in r, start);
            if (route.IsDrop)
            {
                return route;
            }

            var day = RecordTime.Timestamp(start, r.SimTime).Ticks / TimeSpan.TicksPerDay;
            return route with { Destination = cache.Get(day, route.Destination!) };
        };
    }

    /// <summary>
    /// Appends <c>_<paramref name="suffix"/></c> to each destination's file stem (<c>events.parquet</c> →
    /// <c>events_Line_A.parquet</c>, chunks <c>events_Line_A_000001.parquet</c>), so several producers can share one
    /// folder without sharing chunk names.
    /// </summary>
    public static RecordRouter WithFileSuffix(this RecordRouter inner, string suffix)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ChunkNaming.Validate(suffix, nameof(suffix));
        if (suffix.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"A file suffix cannot contain '/': '{suffix}'.", nameof(suffix));
        }

        var renamed = new Dictionary<string, string>(ReferenceEqualityComparer.Instance);
        return [MethodImpl(HotPath.Options)] (in SimRecord r, DateTime start) =>
        {
            var route = inner(in r, start);
            if (route.IsDrop)
            {
                return route;
            }

            if (!renamed.TryGetValue(route.Destination!, out var destination))
            {
                destination = ChunkNaming.WithStemSuffix(route.Destination!, "_" + suffix);
                renamed[route.Destination!] = destination;
            }

            return route with { Destination = destination };
        };
    }

    /// <summary>True for the lag metric's telemetry.</summary>
    [MethodImpl(HotPath.Options)]
    public static bool IsLagMetric(in SimRecord record) =>
        record.Kind == RecordKind.Telemetry && record.PathId is { } p &&
        (p.Length == LagMetricPath.Length ? p == LagMetricPath : p.EndsWith(LagSuffix, StringComparison.Ordinal));

    private static string RequireDestination(string? destination, string parameter)
    {
        ChunkNaming.Validate(destination, parameter);
        return destination!;
    }
}
