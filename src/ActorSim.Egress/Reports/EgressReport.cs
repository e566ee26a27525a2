using System.Globalization;
using System.Text;

namespace ActorSim.Egress.Reports;

/// <summary>The teardown summary of an <see cref="EgressPipeline"/>: one report per sink.</summary>
/// <param name="Sinks">Per sink, in the order they were attached.</param>
public sealed record EgressReport(IReadOnlyList<SinkReport> Sinks)
{
    /// <summary>The report of the sink named <paramref name="name"/>.</summary>
    public SinkReport this[string name] => Sinks.FirstOrDefault(s => s.Sink == name)
        ?? throw new KeyNotFoundException($"No sink named '{name}' in this report; sinks: {string.Join(", ", Sinks.Select(s => s.Sink))}.");

    /// <summary>Wall-clock seconds the publisher spent blocked on full sink queues, summed over sinks.</summary>
    public double BlockedSeconds => Sinks.Sum(s => s.BlockedSeconds);

    /// <summary>A few plain lines: per sink and destination, records published, written, dropped, chunks, bytes and time blocked.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var s in Sinks)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"sink {s.Sink}: published {s.Published}, written {s.Written}, dropped {s.Dropped}, {s.Chunks} chunks, {s.Bytes} bytes, publisher blocked {s.BlockedSeconds:0.###} s");
            foreach (var d in s.Destinations)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"  {d.Destination}: published {d.Published}, written {d.Written}, {d.Chunks} chunks, {d.Bytes} bytes");
            }
        }

        return text.ToString();
    }
}
