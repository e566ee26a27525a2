using ActorSim.Egress.Storage;

namespace ActorSim.Snapshots.EventLogs.Internal;

/// <summary>A read-only view of a store under a prefix, so a destination's paths (and its manifest's) are relative to it.</summary>
internal sealed class DestinationView : IObjectStore
{
    private readonly IObjectStore _store;
    private readonly string _prefix;

    private DestinationView(IObjectStore store, string prefix)
    {
        _store = store;
        _prefix = prefix;
    }

    public string Location => _store.Location.TrimEnd('/') + "/" + _prefix.TrimEnd('/');

    /// <summary><paramref name="store"/> itself for an empty prefix, else a view under <c>prefix/</c>.</summary>
    public static IObjectStore Of(IObjectStore store, string? prefix)
    {
        var folder = (prefix ?? string.Empty).Trim('/');
        if (folder.Split('/').Any(s => s is "." or "..") || folder.Contains("//", StringComparison.Ordinal) || folder.Contains('\\', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The prefix '{prefix}' must be a relative folder with '/' separators and no empty, '.' or '..' segments, e.g. 'runs/1'.", nameof(prefix));
        }

        return folder.Length == 0 ? store : new DestinationView(store, folder + "/");
    }

    public Task PutAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"An event log reader does not write ({Location}).");

    public async Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        var paths = await _store.ListAsync(_prefix + prefix, cancellationToken).ConfigureAwait(false);
        return paths.Where(p => p.StartsWith(_prefix, StringComparison.Ordinal)).Select(p => p[_prefix.Length..]).ToList();
    }

    public Task<byte[]> ReadAsync(string path, CancellationToken cancellationToken) => _store.ReadAsync(_prefix + path, cancellationToken);
}
