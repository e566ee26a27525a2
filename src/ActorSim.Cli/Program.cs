using ActorSim.Cli;

// SIGINT and SIGTERM stop the run gracefully (exit 130 and 143); a second one while stopping ends the process at once.
using var signals = new SignalStop();
return await CliApplication.RunAsync(args, Console.Out, Console.Error, Environment.GetEnvironmentVariables(), signals.Token, () => signals.Signal);
