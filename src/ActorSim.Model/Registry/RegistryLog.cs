using Microsoft.Extensions.Logging;

namespace ActorSim.Model.Registry;

/// <summary>Log definitions of the registry (event ids 1100–1199).</summary>
internal static partial class RegistryLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Ignored update from {Source}: {Reason}")]
    public static partial void UpdateIgnored(ILogger logger, string source, string reason);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Debug, Message = "{Path} changed from {OldValue} to {NewValue} at t={SimTime} ({Source})")]
    public static partial void Changed(ILogger logger, string path, object oldValue, object newValue, double simTime, string source);
}
