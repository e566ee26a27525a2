using System.Collections;

namespace ActorSim.Cli.Tests.Support;

/// <summary>Runs the actorsim command in-process and captures what it prints.</summary>
internal static class ActorsimCommand
{
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(IDictionary? environment, params string[] args) =>
        RunAsync(environment, CancellationToken.None, args);

    /// <summary>Runs the command with <paramref name="cancellation"/> as the token Ctrl+C would cancel.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(IDictionary? environment, CancellationToken cancellation, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApplication.RunAsync(args, output, error, environment ?? new Hashtable(), cancellation);
        return (code, output.ToString(), error.ToString());
    }

    public static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => RunAsync(null, args);
}
