using ActorSim.Egress.Storage;

namespace ActorSim.Actors.Internal;

/// <summary>A view of a store under a folder (<c>line=&lt;sim_id&gt;/</c>): paths in and out are relative to it.</summary>
internal sealed class PrefixedObjectStore(IObjectStore inner, string prefix) : IObjectStore
{
    public string Location => inner.Location.TrimEnd('/') + "/" + prefix;

    public Task PutAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        inner.PutAsync(prefix + path, content, cancellationToken);

    public async Task<IReadOnlyList<string>> ListAsync(string subPrefix, CancellationToken cancellationToken)
    {
        var paths = await inner.ListAsync(prefix + subPrefix, cancellationToken).ConfigureAwait(false);
        return paths.Select(p => p.StartsWith(prefix, StringComparison.Ordinal) ? p[prefix.Length..] : p).ToArray();
    }

    public Task<byte[]> ReadAsync(string path, CancellationToken cancellationToken) => inner.ReadAsync(prefix + path, cancellationToken);
}
