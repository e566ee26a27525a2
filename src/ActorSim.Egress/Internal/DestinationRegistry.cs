namespace ActorSim.Egress.Internal;

/// <summary>
/// Which sink writes which destination of which store, so two sinks can never write the same chunk names (they would
/// overwrite each other's files). Consulted once per new destination, on the publisher thread.
/// </summary>
internal sealed class DestinationRegistry
{
    private readonly Dictionary<(string Store, string Destination), string> _owners = [];

    /// <summary>Claims <paramref name="destination"/> in <paramref name="store"/> for <paramref name="sink"/>, or throws naming both sinks.</summary>
    public void Claim(string store, string destination, string sink)
    {
        lock (_owners)
        {
            ClaimLocked(store, destination, sink);
        }
    }

    private void ClaimLocked(string store, string destination, string sink)
    {
        if (_owners.TryGetValue((store, destination), out var owner) && owner != sink)
        {
            throw new EgressException(
                $"Sinks '{owner}' and '{sink}' both write destination '{destination}' in {store}; their chunk files would " +
                "overwrite each other. Give one of them another destination path or store.")
            { SinkName = sink };
        }

        _owners[(store, destination)] = sink;
    }
}
