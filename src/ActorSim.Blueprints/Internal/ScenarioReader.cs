using ActorSim.Model.Building;
using ActorSim.Model.Registry;
using YamlDotNet.RepresentationModel;

namespace ActorSim.Blueprints.Internal;

/// <summary>
/// Reads <c>scenario: [{at, path, value}]</c> and applies every change, in time order, to a scratch registry of the
/// line, so an unknown path or a refused value fails at its entry's line before any run.
/// </summary>
internal static class ScenarioReader
{
    private static readonly string[] EntryKeys = ["at", "path", "value"];

    public static LineModel Read(Reader reader, YamlNode node, string path, LineBuilder builder, LineModel unchanged)
    {
        var entries = new List<(ScenarioChange Change, MapNode Map)>();
        foreach (var (item, itemPath) in reader.Sequence(node, path, "changes such as {at: 3 days, path: Line_A.resources.lathe.current_cap, value: 6}"))
        {
            var map = reader.Map(item, itemPath, EntryKeys);
            var at = reader.Duration(map.Require("at"), map.PathOf("at"));
            var change = new ScenarioChange(at, map.RequireText("path"), reader.Typed(map.Require("value"), map.PathOf("value")));
            reader.Guard(item, itemPath, () => builder.AddScenarioChange(change.At, change.Path, change.Value));
            entries.Add((change, map));
        }

        // The same order as the model's own check (stable by time), so a value valid only after an earlier change passes.
        var scratch = new ParameterRegistry();
        scratch.Register(unchanged.CreateParameters());
        foreach (var (change, map) in entries.OrderBy(e => e.Change.At))
        {
            try
            {
                scratch.Update(change.Path, change.Value);
            }
            catch (RegistryException e)
            {
                var key = scratch.Contains(change.Path) ? "value" : "path";
                throw reader.Error(map.Require(key), map.PathOf(key), $"the change at t={change.At} s is refused: {e.Message}", e);
            }
        }

        return reader.Guard(node, path, builder.Build);
    }
}
