using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace ActorSim.Actors.Tests.Support;

/// <summary>
/// Points Serilog's static <c>Log.Logger</c> at a list for one test and puts the previous logger back on dispose.
/// Safe because actor tests never run in parallel with each other (<see cref="ActorsCollection"/>).
/// </summary>
internal sealed class SerilogCapture : IDisposable
{
    private readonly ILogger _previous = Log.Logger;
    private readonly Collector _collector = new();
    private readonly Logger _logger;

    public SerilogCapture()
    {
        _logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(_collector).CreateLogger();
        Log.Logger = _logger;
    }

    /// <summary>The events so far, in arrival order.</summary>
    public IReadOnlyList<LogEvent> Events => _collector.Snapshot();

    /// <summary>The events logged with <paramref name="template"/>, in arrival order.</summary>
    public IReadOnlyList<LogEvent> With(string template) => Events.Where(e => e.MessageTemplate.Text == template).ToList();

    /// <summary>A scalar property's value, or null when the event has no such property.</summary>
    public static object? Property(LogEvent logEvent, string name) =>
        logEvent.Properties.TryGetValue(name, out var value) && value is ScalarValue scalar ? scalar.Value : null;

    public void Dispose()
    {
        Log.Logger = _previous;
        _logger.Dispose();
    }

    private sealed class Collector : ILogEventSink
    {
        private readonly List<LogEvent> _events = [];

        public void Emit(LogEvent logEvent)
        {
            lock (_events)
            {
                _events.Add(logEvent);
            }
        }

        public List<LogEvent> Snapshot()
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }
}
