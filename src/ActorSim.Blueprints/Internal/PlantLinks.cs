namespace ActorSim.Blueprints.Internal;

/// <summary>The links of a plant blueprint by name, for checking the <c>send_to</c> and <c>from_link</c> of its tasks.</summary>
internal sealed class PlantLinks
{
    private readonly Dictionary<string, PlantLink> _links;

    public PlantLinks(IReadOnlyList<PlantLink> links)
    {
        All = links;
        _links = links.ToDictionary(l => l.Name, StringComparer.Ordinal);
    }

    /// <summary>The links in file order.</summary>
    public IReadOnlyList<PlantLink> All { get; }

    public PlantLink? Find(string name) => _links.GetValueOrDefault(name);

    /// <summary>The names of the links leaving <paramref name="simId"/>, or "none".</summary>
    public string From(string simId) => Names(All.Where(l => l.From == simId));

    /// <summary>The names of the links arriving at <paramref name="simId"/>, or "none".</summary>
    public string Into(string simId) => Names(All.Where(l => l.To == simId));

    /// <summary>The names of all links, or "none".</summary>
    public string Defined() => Names(All);

    private static string Names(IEnumerable<PlantLink> links)
    {
        var names = links.Select(l => l.Name).ToArray();
        return names.Length == 0 ? "none" : string.Join(", ", names);
    }
}
