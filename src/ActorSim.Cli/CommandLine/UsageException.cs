namespace ActorSim.Cli.CommandLine;

/// <summary>A command line that cannot be run as written; the message says which argument and what to do.</summary>
internal sealed class UsageException(string message) : Exception(message);
