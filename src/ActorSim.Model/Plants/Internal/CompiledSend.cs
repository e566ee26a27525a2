using ActorSim.Model.Building;
using ActorSim.Model.Random;

namespace ActorSim.Model.Plants.Internal;

/// <summary>A task's final send, resolved against the plant: the links to choose from and their cumulative weights.</summary>
internal sealed class CompiledSend
{
    private readonly double[] _cumulative;

    public CompiledSend(IReadOnlyList<LinkChoice> choices, PlantLineContext plant)
    {
        Links = choices.Select(c => plant.Outbound(c.Link)).ToArray();
        Attributes = choices.Select(c => c.Attributes).ToArray();
        _cumulative = new double[choices.Count];
        var sum = 0.0;
        for (var i = 0; i < choices.Count; i++)
        {
            sum += choices[i].Weight;
            _cumulative[i] = sum;
        }
    }

    public OutboundLink[] Links { get; }

    public IReadOnlyDictionary<string, object>?[] Attributes { get; }

    /// <summary>The index of the chosen link; draws from <paramref name="stream"/> only when there is a choice.</summary>
    public int Choose(RandomStream stream)
    {
        if (_cumulative.Length == 1)
        {
            return 0;
        }

        var u = stream.NextDouble() * _cumulative[^1];
        for (var i = 0; i < _cumulative.Length - 1; i++)
        {
            if (u < _cumulative[i])
            {
                return i;
            }
        }

        return _cumulative.Length - 1;
    }
}
