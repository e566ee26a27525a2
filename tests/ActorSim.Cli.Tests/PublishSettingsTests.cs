using System.Diagnostics;
using System.Text.Json;
using ActorSim.Cli.Tests.Support;

namespace ActorSim.Cli.Tests;

/// <summary>A plain <c>dotnet publish</c> or <c>dotnet pack</c> of the CLI is ReadyToRun; a build stays portable.</summary>
public sealed class PublishSettingsTests
{
    [Theory]
    [InlineData("_IsPublishing")]
    [InlineData("_IsPacking")]
    public void Publish_and_pack_without_flags_should_be_ReadyToRun_for_this_machine(string verb)
    {
        var properties = Evaluate($"-p:{verb}=true");

        Assert.Equal("true", properties["PublishReadyToRun"]);
        Assert.Equal("false", properties["SelfContained"]);
        Assert.Equal(properties["NETCoreSdkRuntimeIdentifier"], properties["RuntimeIdentifier"]);
        Assert.NotEqual(string.Empty, properties["RuntimeIdentifier"]);
    }

    [Theory]
    [InlineData("ActorSim.Engine", "_IsPublishing")]
    [InlineData("ActorSim.Model", "_IsPacking")]
    [InlineData("ActorSim.Egress", "_IsPublishing")]
    public void Publish_and_pack_should_leave_the_hot_paths_of_the_referenced_assemblies_to_the_JIT(string project, string verb)
    {
        Assert.Contains("READY_TO_RUN_HOT_PATHS", EvaluateProject(project, $"-p:{verb}=true")["DefineConstants"], StringComparison.Ordinal);
        Assert.DoesNotContain("READY_TO_RUN_HOT_PATHS", EvaluateProject(project)["DefineConstants"], StringComparison.Ordinal);
    }

    [Fact]
    public void Build_should_name_no_runtime_identifier()
    {
        Assert.Equal(string.Empty, Evaluate()["RuntimeIdentifier"]);
    }

    [Fact]
    public void Publish_for_a_named_platform_should_keep_it()
    {
        Assert.Equal("linux-arm64", Evaluate("-p:_IsPublishing=true", "-p:RuntimeIdentifier=linux-arm64")["RuntimeIdentifier"]);
    }

    /// <summary>The CLI project's properties as MSBuild evaluates them with <paramref name="globals"/>.</summary>
    private static Dictionary<string, string> Evaluate(params string[] globals) => EvaluateProject("ActorSim.Cli", globals);

    /// <summary>The properties of <paramref name="project"/> under src/ as MSBuild evaluates them with <paramref name="globals"/>.</summary>
    private static Dictionary<string, string> EvaluateProject(string project, params string[] globals)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "msbuild", Path.Combine(Repository.Root, "src", project, project + ".csproj"), "-nologo", "-p:Configuration=Release" }
                     .Concat(globals)
                     .Concat(new[] { "PublishReadyToRun", "SelfContained", "RuntimeIdentifier", "NETCoreSdkRuntimeIdentifier", "DefineConstants" }.Select(p => "-getProperty:" + p)))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "dotnet msbuild did not end within 2 minutes");
        Assert.True(process.ExitCode == 0, $"dotnet msbuild failed: {stdout.Result}{stderr.Result}");
        using var json = JsonDocument.Parse(stdout.Result);
        return json.RootElement.GetProperty("Properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty);
    }
}
