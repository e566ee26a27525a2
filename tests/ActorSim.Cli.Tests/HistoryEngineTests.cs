using ActorSim.Cli.Tests.Support;
using ActorSim.Egress.Tests.Support;

namespace ActorSim.Cli.Tests;

/// <summary>The actor engine is the default for every run; the direct engine writes the same files, byte for byte.</summary>
public class HistoryEngineTests
{
    [Theory]
    [InlineData("parquet")]
    [InlineData("jsonl")]
    public async Task Reference_model_through_the_actors_should_write_the_files_of_the_direct_engine(string format)
    {
        using var actors = new TempDirectory();
        using var direct = new TempDirectory();
        string[] common = ["history", "--duration", "2 hours", "--start", "2026-01-01T00:00:00", "--format", format, "--batch-size", "2000", "--progress", "none"];

        var (code, output, error) = await ActorsimCommand.RunAsync([.. common, "--dest", actors.Path]);
        var (directCode, directOutput, directError) = await ActorsimCommand.RunAsync([.. common, "--dest", direct.Path, "--engine", "reference"]);

        Assert.True(code == 0, error);
        Assert.True(directCode == 0, directError);
        Assert.Contains("with the actors engine", output);
        Assert.Contains("with the reference engine", directOutput);
        var files = Output.ChunkNames(direct.Path);
        Assert.True(files.Length > 3, $"only {files.Length} chunks");
        Assert.Equal(files, Output.ChunkNames(actors.Path));
        Assert.Equal(Output.ManifestChunks(direct.Path), Output.ManifestChunks(actors.Path));
        foreach (var file in files)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(direct.Path, file!)), File.ReadAllBytes(Path.Combine(actors.Path, file!)));
        }
    }

    [Fact]
    public async Task Merged_lines_should_share_one_folder_with_the_bytes_of_the_split_layout()
    {
        using var split = new TempDirectory();
        using var merged = new TempDirectory();
        var model = Path.Combine(Repository.Root, "examples", "two-stage-plant.yaml");
        string[] common = ["history", "--model", model, "--duration", "30 mins", "--start", "2026-01-01T00:00:00", "--format", "jsonl", "--batch-size", "1000", "--progress", "none"];

        var (splitCode, _, splitError) = await ActorsimCommand.RunAsync([.. common, "--dest", split.Path]);
        var (code, output, error) = await ActorsimCommand.RunAsync([.. common, "--dest", merged.Path, "--merge-lines"]);

        Assert.True(splitCode == 0, splitError);
        Assert.True(code == 0, error);
        Assert.Contains("(merged, chunk names carry the line)", output);
        Assert.Empty(Directory.GetDirectories(merged.Path));
        var splitFiles = Directory.GetFiles(split.Path, "*.jsonl", SearchOption.AllDirectories);
        Assert.Equal(splitFiles.Length, Output.ChunkNames(merged.Path).Length);
        foreach (var file in splitFiles)
        {
            // line=Assembly_1/events_000002.jsonl → events_Assembly_1_000002.jsonl
            var line = Path.GetFileName(Path.GetDirectoryName(file))!["line=".Length..];
            var name = Path.GetFileName(file);
            var mergedName = name.Insert(name.LastIndexOf('_'), "_" + line);
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(merged.Path, mergedName)));
        }
    }

    [Theory]
    [InlineData("actors")]
    [InlineData("reference")]
    public async Task Plain_progress_should_report_simulated_time_and_records_on_either_engine(string engine)
    {
        using var dest = new TempDirectory();

        var (code, _, error) = await ActorsimCommand.RunAsync(
            "history", "--duration", "1 day", "--start", "2026-01-01T00:00:00", "--progress", "plain", "--engine", engine, "--dest", dest.Path);

        Assert.True(code == 0, error);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("progress", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Matches(@"^progress +[0-9.]+%  simulated .* of 1d 00h00m  [0-9,]+ records", l));
    }

    [Theory]
    [InlineData("--merge-lines", "--merge-lines is for plants")]
    [InlineData("--log-level=chatty", "--log-level 'chatty' is not known")]
    public async Task Misused_engine_options_should_exit_2_naming_the_option(string option, string message)
    {
        var (code, _, error) = await ActorsimCommand.RunAsync("history", "--duration", "1 min", "--progress", "none", option);

        Assert.Equal(2, code);
        Assert.Contains(message, error);
    }
}
