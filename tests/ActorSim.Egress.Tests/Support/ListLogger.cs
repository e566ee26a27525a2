using Microsoft.Extensions.Logging;

namespace ActorSim.Egress.Tests.Support;

/// <summary>Keeps formatted log lines, for asserting what was logged.</summary>
public sealed class ListLogger : ILogger
{
    public List<string> Lines { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Lines)
        {
            Lines.Add($"{logLevel} {eventId.Id} {formatter(state, exception)}");
        }
    }
}
