using System.Reflection;
using System.Runtime.InteropServices;
using ActorSim.Cli.CommandLine;
using ActorSim.Cli.History;
using ActorSim.Cli.Progress;

namespace ActorSim.Cli;

/// <summary>Dispatches the verbs and turns failures into messages and exit codes.</summary>
internal static class CliApplication
{
    public const int Ok = 0;
    public const int RunFailed = 1;
    public const int BadUsage = 2;
    public const int Interrupted = 130;
    public const int Terminated = 143;

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, System.Collections.IDictionary environment, CancellationToken cancellation = default) =>
        RunAsync(args, output, error, environment, cancellation, static () => null);

    /// <summary>Runs the command; <paramref name="stoppedBy"/> says which signal cancelled <paramref name="cancellation"/>, if one did.</summary>
    public static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error, System.Collections.IDictionary environment, CancellationToken cancellation, Func<PosixSignal?> stoppedBy)
    {
        try
        {
            switch (args.FirstOrDefault())
            {
                case null or "--help" or "-h" or "help":
                    output.WriteLine(HelpText.Main);
                    return Ok;
                case "--version":
                    output.WriteLine(typeof(CliApplication).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown");
                    return Ok;
                case "history":
                    return await HistoryAsync(args[1..], output, error, environment, cancellation).ConfigureAwait(false);
                default:
                    throw new UsageException($"Unknown command '{args[0]}'. Commands: history. See --help.");
            }
        }
        catch (UsageException e)
        {
            await error.WriteLineAsync($"actorsim: {e.Message}").ConfigureAwait(false);
            return BadUsage;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            var signal = stoppedBy();
            var by = signal switch
            {
                PosixSignal.SIGTERM => "by SIGTERM",
                PosixSignal.SIGINT => "by SIGINT (Ctrl+C)",
                _ => "on request",
            };
            await error.WriteLineAsync(
                $"actorsim: the run was stopped {by} before its end; the chunk files written are whole, the records not stored yet were not written.").ConfigureAwait(false);
            return signal == PosixSignal.SIGTERM ? Terminated : Interrupted;
        }
    }

    private static async Task<int> HistoryAsync(string[] args, TextWriter output, TextWriter error, System.Collections.IDictionary environment, CancellationToken cancellation)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            output.WriteLine(HelpText.History);
            return Ok;
        }

        var options = HistoryOptionsParser.Parse(args, environment);
        if (options.ModelPath is not null && PlantPlanner.IsPlant(options.ModelPath))
        {
            return await PlantHistoryAsync(options, output, error, cancellation).ConfigureAwait(false);
        }

        if (options.MergeLines)
        {
            throw new UsageException("--merge-lines is for plants (a blueprint with lines:); a single line already writes into the destination itself.");
        }

        // Akka starts on another core while this thread plans the run, opens the sink and builds the plant.
        await using var launch = options.Engine == PlantEngine.Actors ? ActorHistoryJob.Launch(options.LogLevel) : null;
        var plan = HistoryPlanner.Plan(options);
        output.WriteLine($"actorsim history: {plan.Model.SimId}, seed {plan.Seed}, {ProgressText.SimulatedTime(plan.DurationSeconds)} from {plan.Start:yyyy-MM-ddTHH:mm:ss.fff}, to {string.Join(", ", plan.Destinations)}");
        return await RunJobAsync(error, cancellation, async () =>
        {
            var reporter = Reporter(options.Progress, error);
            var result = options.Engine == PlantEngine.Actors
                ? await ActorHistoryJob.RunAsync(plan, launch!, reporter, cancellation).ConfigureAwait(false)
                : await HistoryJob.RunAsync(plan, reporter, cancellation).ConfigureAwait(false);
            HistorySummary.Write(output, result);
        }).ConfigureAwait(false);
    }

    private static async Task<int> PlantHistoryAsync(HistoryOptions options, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        var plan = PlantPlanner.Plan(options);
        var layout = options.MergeLines ? $"{plan.Destination}/ (merged, chunk names carry the line)" : $"{plan.Destination}/line=<sim_id>/";
        output.WriteLine($"actorsim history: plant of {plan.Plant.Lines.Count} lines, seed {plan.Seed}, {ProgressText.SimulatedTime(plan.DurationSeconds)} from {plan.Start:yyyy-MM-ddTHH:mm:ss.fff}, to {layout}");
        return await RunJobAsync(error, cancellation, async () =>
        {
            var (reports, stats, elapsed, actorStats) = await PlantHistoryJob.RunAsync(plan, Reporter(options.Progress, error), cancellation).ConfigureAwait(false);
            PlantHistoryJob.WriteSummary(output, plan, stats, elapsed, reports, actorStats);
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a job: Ok when it ends, RunFailed with the cause chain when it throws (usage errors and cancellation
    /// propagate). Once <paramref name="cancellation"/> is cancelled, whatever the job throws is the stop's doing (a wait
    /// or a store cut short) and propagates as an <see cref="OperationCanceledException"/>.
    /// </summary>
    private static async Task<int> RunJobAsync(TextWriter error, CancellationToken cancellation, Func<Task> job)
    {
        try
        {
            await job().ConfigureAwait(false);
            return Ok;
        }
        catch (Exception e) when (cancellation.IsCancellationRequested && e is not OperationCanceledException and not UsageException)
        {
            throw new OperationCanceledException("The run was stopped before its end.", e, cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException and not UsageException)
        {
            await error.WriteLineAsync($"actorsim: the history run failed: {Describe(e)}").ConfigureAwait(false);
            return RunFailed;
        }
    }

    private static IProgressReporter Reporter(ProgressMode mode, TextWriter error) => mode switch
    {
        ProgressMode.None => NoProgress.Instance,
        ProgressMode.Auto when !Console.IsErrorRedirected => new TerminalProgress(error),
        _ => new LogProgress(error, TimeSpan.FromSeconds(5)),
    };

    /// <summary>The chain of messages down to the root cause, without repeats.</summary>
    private static string Describe(Exception e)
    {
        var messages = new List<string>();
        for (var current = e; current is not null; current = current.InnerException)
        {
            if (!messages.Exists(m => m.Contains(current.Message, StringComparison.Ordinal)))
            {
                messages.Add(current.Message);
            }
        }

        return string.Join(" <- ", messages);
    }
}
