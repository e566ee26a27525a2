using System.Text;
using ActorSim.Egress.Storage;
using ActorSim.Model.Snapshots;

namespace ActorSim.Runs;

/// <summary>Reads and writes snapshot documents at a location: a local file, or <c>s3://bucket/key</c> through a store.</summary>
public static class SnapshotFiles
{
    /// <summary>Reads the snapshot at <paramref name="location"/>; <paramref name="storeFor"/> makes the store of an <c>s3://</c> folder.</summary>
    /// <exception cref="SnapshotException">It cannot be read, or is not a valid snapshot document; the message names the location.</exception>
    public static async Task<ModelSnapshot> ReadAsync(string location, Func<string, IObjectStore> storeFor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(storeFor);
        string text;
        try
        {
            if (IsS3(location))
            {
                var (folder, name) = Split(location);
                text = Encoding.UTF8.GetString(await storeFor(folder).ReadAsync(name, cancellationToken).ConfigureAwait(false));
            }
            else
            {
                text = await File.ReadAllTextAsync(location, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ActorSim.Egress.ObjectStoreException)
        {
            throw new SnapshotException($"The snapshot '{location}' cannot be read: {e.Message}", e);
        }

        return SnapshotJson.Read(text, location);
    }

    /// <summary>
    /// Writes <paramref name="snapshot"/> to <paramref name="location"/> whole: a local file through a temporary file
    /// renamed into place, an S3 object in one put.
    /// </summary>
    public static async Task WriteAsync(string location, ModelSnapshot snapshot, Func<string, IObjectStore> storeFor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(storeFor);
        var bytes = Encoding.UTF8.GetBytes(SnapshotJson.Write(snapshot));
        if (IsS3(location))
        {
            var (folder, name) = Split(location);
            await storeFor(folder).PutAsync(name, bytes, cancellationToken).ConfigureAwait(false);
            return;
        }

        var full = Path.GetFullPath(location);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = $"{full}.{Environment.ProcessId}.tmp";
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, full, overwrite: true);
    }

    private static bool IsS3(string location) => location.StartsWith("s3://", StringComparison.OrdinalIgnoreCase);

    /// <summary>'s3://bucket/a/b.json' as ('s3://bucket/a', 'b.json').</summary>
    private static (string Folder, string Name) Split(string location)
    {
        var slash = location.LastIndexOf('/');
        var name = location[(slash + 1)..];
        var folder = location[..slash];
        if (name.Length == 0 || folder.Length <= "s3://".Length)
        {
            throw new SnapshotException($"The snapshot location '{location}' needs a bucket and an object name, e.g. s3://bucket/snapshots/at-8h.json.");
        }

        return (folder, name);
    }
}
