using ActorSim.Model.Building;
using ActorSim.Model.Distributions;
using ActorSim.Model.Parameters;

namespace ActorSim.Model.Plants;

/// <summary>
/// The declarative way to write a plant: lines (each a <see cref="LineModel"/>) and the links that carry items
/// between them. <see cref="Build"/> checks every reference and returns an immutable <see cref="PlantModel"/>.
/// </summary>
/// <example><code>
/// var plant = new PlantBuilder()
///     .AddLine(machining)      // a task ends with steps.SendTo("conveyor")
///     .AddLine(assembly)       // AddTaskFromLink("assemble", "conveyor", ...)
///     .AddLink("conveyor", from: "Machining", to: "Assembly", lookahead: 5, DistributionConfig.Uniform(5, 8))
///     .Build();
/// </code></example>
public sealed class PlantBuilder
{
    private readonly List<LineModel> _lines = [];
    private readonly List<LinkDefinition> _links = [];

    /// <summary>Adds a line; its sim_id must be unique in the plant. Lines are indexed in the order they are added.</summary>
    public PlantBuilder AddLine(LineModel line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (_lines.Exists(l => l.SimId == line.SimId))
        {
            throw new ArgumentException($"The plant already has a line '{line.SimId}'; sim_ids must be unique.", nameof(line));
        }

        _lines.Add(line);
        return this;
    }

    /// <summary>
    /// Adds a link from line <paramref name="from"/> to line <paramref name="to"/> whose items arrive after a draw of
    /// <paramref name="delay"/> (default: exactly <paramref name="lookahead"/>), never sooner than <paramref name="lookahead"/> seconds.
    /// </summary>
    public PlantBuilder AddLink(string name, string from, string to, double lookahead, DistributionConfig? delay = null)
    {
        PathNames.EnsureValid(name, "link name");
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (!(lookahead > 0) || double.IsInfinity(lookahead))
        {
            throw new ArgumentOutOfRangeException(nameof(lookahead), lookahead,
                $"Link '{name}' needs a lookahead > 0 s (a finite number of seconds); {lookahead} was given. A zero lookahead would let a line's item arrive at the very time it is sent, so no line could run ahead of another.");
        }

        if (_links.Exists(l => l.Name == name))
        {
            throw new ArgumentException($"The plant already has a link '{name}'; link names must be unique.", nameof(name));
        }

        _links.Add(new LinkDefinition(name, from, to, lookahead, (delay ?? DistributionConfig.Constant(lookahead)).Clone()));
        return this;
    }

    /// <summary>Checks lines, links, their ends and delays, and the tasks that send and receive, and freezes the plant.</summary>
    public PlantModel Build() => PlantModel.Create(_lines, _links);
}
