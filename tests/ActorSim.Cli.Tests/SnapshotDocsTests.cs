using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ActorSim.Cli.Tests.Support;
using ActorSim.Egress.Tests.Support;

namespace ActorSim.Cli.Tests;

/// <summary>The snapshots docs/snapshots.md shows are valid for their models, as a user copying them would find.</summary>
public partial class SnapshotDocsTests
{
    [Fact]
    public async Task Every_snapshot_in_the_docs_passes_the_check_against_its_model()
    {
        using var folder = new TempDirectory();
        var blocks = JsonBlock().Matches(await File.ReadAllTextAsync(Path.Combine(Repository.Root, "docs", "snapshots.md"))).Select(m => m.Groups[1].Value).ToArray();
        Assert.True(blocks.Length >= 2, $"{blocks.Length} JSON examples found");

        for (var i = 0; i < blocks.Length; i++)
        {
            var path = Path.Combine(folder.Path, $"example-{i}.json");
            await File.WriteAllTextAsync(path, blocks[i]);
            var model = JsonNode.Parse(blocks[i])!["model"]!["name"]!.GetValue<string>() switch
            {
                "Line_A" => Array.Empty<string>(),
                "Line_H" => ["--model", Path.Combine(Repository.Root, "examples", "hand-off-line.yaml")],
                var other => throw new InvalidOperationException($"docs example {i} is of an unknown model '{other}'"),
            };

            var (code, output, error) = await ActorsimCommand.RunAsync(["snapshot", .. model, "--check", path]);

            Assert.True(code == 0, $"docs example {i}: {error}");
            Assert.Contains("a valid", output);
        }
    }

    [GeneratedRegex("```json\\n(.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
