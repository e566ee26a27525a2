namespace ActorSim.Egress.Internal;

/// <summary>Remembers <c>date=YYYY-MM-DD/dest</c> strings so a date-partitioning router allocates once per day and destination.</summary>
internal sealed class DatePartitionCache
{
    private readonly Dictionary<(long Day, string Destination), string> _paths = [];
    private long _lastDay = long.MinValue;
    private string? _lastDestination;
    private string _lastPath = string.Empty;

    /// <summary>The partitioned path of <paramref name="destination"/> for day number <paramref name="day"/> (days since 0001-01-01).</summary>
    public string Get(long day, string destination)
    {
        if (day == _lastDay && ReferenceEquals(destination, _lastDestination))
        {
            return _lastPath;
        }

        if (!_paths.TryGetValue((day, destination), out var path))
        {
            var date = new DateTime(day * TimeSpan.TicksPerDay, DateTimeKind.Unspecified);
            path = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"date={date:yyyy-MM-dd}/{destination}");
            _paths[(day, destination)] = path;
        }

        _lastDay = day;
        _lastDestination = destination;
        _lastPath = path;
        return path;
    }
}
