using System.Globalization;
using ActorSim.Model.Parameters;

namespace ActorSim.Model.Building;

/// <summary>
/// A production schedule: an explicit list of releases a line runs as an arrival process, each starting a task at its
/// time. Releases are kept in time order; releases at the same time keep the order they were given in.
/// </summary>
public sealed class ReleaseSchedule
{
    /// <summary>
    /// Checks and orders <paramref name="releases"/>: every time finite and zero or more, every task named, explicit keys
    /// not empty and not given twice. Refusals name the release (its place in the list and its origin).
    /// </summary>
    /// <exception cref="ArgumentException">A release is refused.</exception>
    public ReleaseSchedule(string name, IEnumerable<Release> releases)
    {
        PathNames.EnsureValid(name, "schedule name");
        ArgumentNullException.ThrowIfNull(releases);
        Name = name;
        var given = releases.ToArray();
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < given.Length; i++)
        {
            var release = given[i] ?? throw new ArgumentException($"Schedule '{name}': release {i + 1} is null.");
            if (!double.IsFinite(release.Time) || release.Time < 0)
            {
                throw Refused(i, release, $"its time {release.Time.ToString("R", CultureInfo.InvariantCulture)} is not a finite number of seconds at or after the run's start");
            }

            if (string.IsNullOrWhiteSpace(release.Task))
            {
                throw Refused(i, release, "it names no task");
            }

            if (release.Key is { } key)
            {
                if (key.Length == 0)
                {
                    throw Refused(i, release, "its key is empty (leave it out for the task's usual key)");
                }

                if (!keys.TryAdd(key, i))
                {
                    var first = given[keys[key]];
                    throw Refused(i, release, $"its key '{key}' is already the key of release {keys[key] + 1}{OriginOf(first)}; explicit keys must be unique");
                }
            }
        }

        // A stable sort: releases at the same time keep the order they were given in.
        Releases = given.OrderBy(r => r.Time).ToArray();
    }

    /// <summary>The schedule's name (a process name and a snapshot's reference).</summary>
    public string Name { get; }

    /// <summary>The releases, in time order (stable).</summary>
    public IReadOnlyList<Release> Releases { get; }

    /// <summary>The index of the first release at or after <paramref name="time"/> (<see cref="Releases"/>' count when none is).</summary>
    public int FirstAtOrAfter(double time)
    {
        int low = 0, high = Releases.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (Releases[mid].Time < time)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>How a refusal names <paramref name="release"/> of this schedule: its time and where it was read.</summary>
    internal string Describe(Release release) =>
        $"Schedule '{Name}', release at t={release.Time.ToString("R", CultureInfo.InvariantCulture)} s{OriginOf(release)}";

    private ArgumentException Refused(int index, Release release, string problem) =>
        new($"Schedule '{Name}', release {index + 1}{OriginOf(release)}: {problem}.");

    private static string OriginOf(Release release) => release.Origin is { } origin ? $" ({origin})" : string.Empty;
}
