using System.Globalization;
using ActorSim.Model.Building;

namespace ActorSim.Model.Plants.Internal;

/// <summary>The checks <see cref="PlantBuilder.Build"/> runs; every error names the line, task or link at fault.</summary>
internal static class PlantValidation
{
    public const int MaxLines = 1 << 16;

    public static void Check(IReadOnlyList<LineModel> lines, IReadOnlyList<LinkDefinition> links)
    {
        if (lines.Count == 0)
        {
            throw new ArgumentException("A plant needs at least one line.");
        }

        if (lines.Count > MaxLines)
        {
            throw new ArgumentException($"A plant holds at most {MaxLines} lines; {lines.Count} were given.");
        }

        var known = string.Join(", ", lines.Select(l => l.SimId));
        var byName = links.ToDictionary(l => l.Name, StringComparer.Ordinal);
        foreach (var link in links)
        {
            CheckEnds(link, lines, known);
            CheckDelay(link);
        }

        foreach (var line in lines)
        {
            CheckTasks(line, byName);
        }

        foreach (var link in links)
        {
            var target = lines.First(l => l.SimId == link.To);
            if (!target.InboundLinks.Contains(link.Name, StringComparer.Ordinal))
            {
                throw new ArgumentException(
                    $"Link '{link.Name}' targets line '{link.To}', which has no task started by it; add AddTaskFromLink(<task>, \"{link.Name}\", ...) to '{link.To}'.");
            }
        }
    }

    private static void CheckEnds(LinkDefinition link, IReadOnlyList<LineModel> lines, string known)
    {
        foreach (var (end, what) in new[] { (link.From, "comes from"), (link.To, "goes to") })
        {
            if (!lines.Any(l => l.SimId == end))
            {
                throw new ArgumentException($"Link '{link.Name}' {what} line '{end}', which is not in the plant. Lines: {known}.");
            }
        }
    }

    private static void CheckDelay(LinkDefinition link)
    {
        var minimum = DelayBounds.Minimum(link.Delay);
        if (minimum < link.Lookahead)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Link '{link.Name}': its delay {link.Delay} can be as short as {minimum} s, below its lookahead of {link.Lookahead} s. Use a delay whose smallest value is at least the lookahead (constant, uniform, triangular or empirical), or lower the lookahead."));
        }
    }

    private static void CheckTasks(LineModel line, Dictionary<string, LinkDefinition> links)
    {
        var known = links.Count == 0 ? "none" : string.Join(", ", links.Keys);
        foreach (var task in line.Tasks)
        {
            foreach (var choice in task.Sends)
            {
                if (!links.TryGetValue(choice.Link, out var link))
                {
                    throw new ArgumentException($"Task '{task.Name}' of line '{line.SimId}' sends to link '{choice.Link}', which is not in the plant. Links: {known}.");
                }

                if (link.From != line.SimId)
                {
                    throw new ArgumentException($"Task '{task.Name}' of line '{line.SimId}' sends to link '{link.Name}', which starts at line '{link.From}', not at '{line.SimId}'.");
                }
            }

            if (task.FromLink is { } inbound)
            {
                if (!links.TryGetValue(inbound, out var link))
                {
                    throw new ArgumentException($"Task '{task.Name}' of line '{line.SimId}' starts from link '{inbound}', which is not in the plant. Links: {known}.");
                }

                if (link.To != line.SimId)
                {
                    throw new ArgumentException($"Task '{task.Name}' of line '{line.SimId}' starts from link '{link.Name}', which targets line '{link.To}', not '{line.SimId}'.");
                }
            }
        }
    }
}
