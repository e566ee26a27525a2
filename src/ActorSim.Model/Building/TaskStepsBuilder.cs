using ActorSim.Model.Parameters;

namespace ActorSim.Model.Building;

/// <summary>Collects the steps of a task in <see cref="LineBuilder.AddTask"/> and <see cref="LineBuilder.AddTaskFromLink"/>.</summary>
public sealed class TaskStepsBuilder
{
    private readonly List<TaskStep> _steps = [];
    private LinkChoice[] _sends = [];

    internal IReadOnlyList<TaskStep> Steps => _steps;

    internal IReadOnlyList<LinkChoice> Sends => _sends;

    /// <summary>Adds a step: acquire <paramref name="resource"/>, hold it for a <paramref name="service"/> draw, release.</summary>
    public TaskStepsBuilder Step(string resource, string service, int priority = 1)
    {
        EnsureNotSent(resource);
        _steps.Add(new TaskStep(resource, service, HandOff: false, priority));
        return this;
    }

    /// <summary>Adds a step acquired while still holding the previous step's resource (released once this one is granted).</summary>
    public TaskStepsBuilder HandOff(string resource, string service, int priority = 1)
    {
        if (_steps.Count == 0)
        {
            throw new InvalidOperationException($"A hand-off to '{resource}' needs a previous step to hand off from.");
        }

        EnsureNotSent(resource);
        _steps.Add(new TaskStep(resource, service, HandOff: true, priority));
        return this;
    }

    /// <summary>
    /// Ends the task by sending its item over <paramref name="link"/> (a link of the plant that starts at this line):
    /// the line emits <c>sent</c> under <c>&lt;sim_id&gt;.links.&lt;link&gt;</c> and the item arrives after the link's delay.
    /// </summary>
    public TaskStepsBuilder SendTo(string link, IReadOnlyDictionary<string, object>? attributes = null) =>
        SendToOneOf(new LinkChoice(link, 1, attributes));

    /// <summary>Ends the task by sending its item over one of <paramref name="choices"/>, drawn by weight from the line's stream.</summary>
    public TaskStepsBuilder SendToOneOf(params LinkChoice[] choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (_sends.Length > 0)
        {
            throw new InvalidOperationException("A task sends its item once, as its last step; SendTo was given twice.");
        }

        if (choices.Length == 0)
        {
            throw new ArgumentException("SendToOneOf needs at least one link.", nameof(choices));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var choice in choices)
        {
            ArgumentNullException.ThrowIfNull(choice);
            PathNames.EnsureValid(choice.Link, "link name");
            if (!(choice.Weight > 0) || double.IsInfinity(choice.Weight))
            {
                throw new ArgumentOutOfRangeException(nameof(choices), choice.Weight,
                    $"The weight of link '{choice.Link}' must be a positive number.");
            }

            if (!seen.Add(choice.Link))
            {
                throw new ArgumentException($"Link '{choice.Link}' is listed twice among the choices.", nameof(choices));
            }
        }

        _sends = [.. choices];
        return this;
    }

    private void EnsureNotSent(string resource)
    {
        if (_sends.Length > 0)
        {
            throw new InvalidOperationException(
                $"The step on '{resource}' comes after SendTo('{_sends[0].Link}'); sending must be the task's last step.");
        }
    }
}
