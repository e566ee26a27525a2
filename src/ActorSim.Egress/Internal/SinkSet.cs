namespace ActorSim.Egress.Internal;

/// <summary>The checks every set of sinks passes before anything is written: at least one, each valid, names unique.</summary>
internal static class SinkSet
{
    /// <summary>The sinks as a list; throws an <see cref="ArgumentException"/> naming the first problem.</summary>
    public static List<SinkOptions> Validate(IEnumerable<SinkOptions> sinks, string parameter)
    {
        ArgumentNullException.ThrowIfNull(sinks, parameter);
        var list = sinks.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("Egress needs at least one sink.", parameter);
        }

        foreach (var sink in list)
        {
            ArgumentNullException.ThrowIfNull(sink, parameter);
            sink.Validate();
        }

        var duplicate = list.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two sinks are named '{duplicate.Key}'; sink names must be unique.", parameter);
        }

        return list;
    }
}
