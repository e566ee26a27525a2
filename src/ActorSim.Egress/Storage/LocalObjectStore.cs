using Microsoft.Win32.SafeHandles;
using ActorSim.Egress.Internal;

namespace ActorSim.Egress.Storage;

/// <summary>
/// Chunk files in a local folder: each is written under a temporary name in its target folder, then renamed, so a
/// crash never leaves a half file under a final name. Folders are created as needed.
/// </summary>
public sealed class LocalObjectStore : IObjectStore
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);

    /// <summary>Stores under <paramref name="rootDirectory"/> (created on first write).</summary>
    public LocalObjectStore(string rootDirectory)
    {
        if (string.IsNullOrWhiteSpace(rootDirectory))
        {
            throw new ArgumentException("A local store needs a folder, e.g. 'data'.", nameof(rootDirectory));
        }

        Root = Path.GetFullPath(rootDirectory);
    }

    /// <summary>The absolute root folder.</summary>
    public string Root { get; }

    /// <inheritdoc />
    public string Location => Root;

    /// <inheritdoc />
    public Task PutAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        // Opening, writing and renaming block on the file system: run them off the caller's thread so a sink can
        // keep several chunks in flight while it encodes the next.
        Task.Run(() => PutCoreAsync(path, content, cancellationToken), cancellationToken);

    private async Task PutCoreAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var target = FullPath(path);
        var folder = Path.GetDirectoryName(target)!;
        var temporary = Path.Combine(folder, "." + Path.GetFileName(target) + "." + Environment.ProcessId + ".tmp");
        var turn = TurnOf(target);
        await turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_folders.ContainsKey(folder))
            {
                Directory.CreateDirectory(folder);
                _folders[folder] = true;
            }

            using (var file = CreateTemporary(temporary))
            {
                await RandomAccess.WriteAsync(file, content, 0, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, target, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new ObjectStoreException(Root, path, $"Cannot write '{target}': {ex.Message}", isTransient: false, ex);
        }
        catch (OperationCanceledException)
        {
            // A cancelled run: the chunk is not stored, and no half file is left under any name.
            TryDelete(temporary);
            throw;
        }
        finally
        {
            turn.Release();
        }
    }

    /// <summary>
    /// Opens a new, empty temporary file. Never FileMode.Create: on Unix .NET truncates an opened file with
    /// ftruncate, and ext4 then writes the file's data out synchronously when it is closed (its replace-by-truncate
    /// heuristic), which cost the writer thread a disk round trip per chunk. A temporary left by a crashed run of a
    /// process with the same id is removed first.
    /// </summary>
    private static SafeFileHandle CreateTemporary(string temporary)
    {
        try
        {
            return File.OpenHandle(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.None);
        }
        catch (IOException) when (File.Exists(temporary))
        {
            File.Delete(temporary);
            return File.OpenHandle(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.None);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Root))
        {
            return Task.FromResult<IReadOnlyList<string>>([]);
        }

        var paths = Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Select(f => Path.GetRelativePath(Root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(p => p.StartsWith(prefix ?? string.Empty, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        return Task.FromResult<IReadOnlyList<string>>(paths);
    }

    /// <inheritdoc />
    public Task<byte[]> ReadAsync(string path, CancellationToken cancellationToken) => File.ReadAllBytesAsync(FullPath(path), cancellationToken);

    /// <inheritdoc />
    public Task<bool> PutIfAbsentAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var target = FullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, "." + Path.GetFileName(target) + "." + Environment.ProcessId + ".tmp");
        var turn = TurnOf(target);
        turn.Wait(cancellationToken);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(temporary, content.ToArray());
            // Without overwrite, .NET moves by link() and unlink() on Unix: the name appears with its whole content, and
            // of two processes exactly one succeeds.
            File.Move(temporary, target, overwrite: false);
            return Task.FromResult(true);
        }
        catch (IOException) when (File.Exists(target))
        {
            TryDelete(temporary);
            return Task.FromResult(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new ObjectStoreException(Root, path, $"Cannot create '{target}': {ex.Message}", isTransient: false, ex);
        }
        finally
        {
            turn.Release();
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        var target = FullPath(path);
        try
        {
            File.Delete(target);
            RemoveEmptyFolders(Path.GetDirectoryName(target)!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ObjectStoreException(Root, path, $"Cannot remove '{target}': {ex.Message}", isTransient: false, ex);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListLeftoversAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(TemporaryFiles().Select(f => Path.GetRelativePath(Root, f).Replace(Path.DirectorySeparatorChar, '/')).ToList());

    /// <inheritdoc />
    public Task RemoveLeftoversAsync(CancellationToken cancellationToken)
    {
        foreach (var file in TemporaryFiles())
        {
            TryDelete(file);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Writers of one target in this process take turns (the same chunk written twice at once: a forecast replication
    /// run again on a node, or two nodes' actor systems in one test process), since they share its temporary name
    /// <c>.NAME.PID.tmp</c>; that name stays fixed so that a crashed run's leftover under a reused process id is replaced.
    /// Targets share 64 turns by hash.
    /// </summary>
    private static readonly SemaphoreSlim[] Turns = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    private static SemaphoreSlim TurnOf(string target) => Turns[(StringComparer.Ordinal.GetHashCode(target) & int.MaxValue) % Turns.Length];

    /// <summary>The hidden temporary files (<c>.NAME.PID.tmp</c>) that writers killed before their rename left behind, sorted.</summary>
    private List<string> TemporaryFiles() => !Directory.Exists(Root)
        ? []
        : Directory.EnumerateFiles(Root, ".*.tmp", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

    /// <summary>Removes <paramref name="folder"/> and its parents up to the root while they are empty (date= and line= folders).</summary>
    private void RemoveEmptyFolders(string folder)
    {
        while (folder.Length > Root.Length && folder.StartsWith(Root, StringComparison.Ordinal) && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
            _folders.TryRemove(folder, out _);
            folder = Path.GetDirectoryName(folder)!;
        }
    }

    private string FullPath(string path)
    {
        ChunkNaming.Validate(path, nameof(path));
        return Path.Combine(Root, path.Replace('/', Path.DirectorySeparatorChar));
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
            // Best effort: a stray temporary file is hidden (dot name) and never read as a chunk.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
