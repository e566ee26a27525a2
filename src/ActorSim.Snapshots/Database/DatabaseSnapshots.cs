using System.Diagnostics;
using ActorSim.Model.Plants;
using ActorSim.Model.Snapshots;
using ActorSim.Snapshots.Database.Internal;

namespace ActorSim.Snapshots.Database;

/// <summary>
/// Observed snapshots read from a live PostgreSQL database: the tasks in progress, parameter values and resource
/// capacities that <see cref="StateRelations"/> name, read in one read-only transaction at an instant.
/// </summary>
/// <remarks>
/// Times are instants (timestamptz; a timestamp without a zone is UTC). The snapshot's <c>start</c> is
/// <see cref="DatabaseReadOptions.Start"/>, else midnight (UTC) of the day of the earliest time read; <c>as_of</c> and
/// every <c>since</c> are seconds from it. Parameters are the model's, with the scenario changes before the instant,
/// then the parameter rows, then the resource rows (capacities are listed as the line's resources, not as parameters);
/// the scenario changes at or after the instant are still to come.
/// Tasks queued at one resource are served by priority (the step's when the row gives none), since, then the rows'
/// order (a query's ORDER BY, or the key for a relation read whole). A task queued at a hand-off step holds the
/// previous step's unit since <c>holding_since</c>, else since it queued. The next task number is the largest
/// <c>&lt;key_prefix&gt;&lt;n&gt;</c> among the keys of tasks created by arrivals or schedules, plus one. Items between lines are not
/// read: a plant's links start empty.
/// </remarks>
public static class DatabaseSnapshots
{
    /// <summary>Reads the state of <paramref name="plant"/> (named <paramref name="modelName"/>) from <paramref name="database"/>.</summary>
    /// <exception cref="DatabaseStateException">The server cannot be reached or used (naming host and port, never the password).</exception>
    /// <exception cref="SnapshotException">A relation is missing or unreadable, or a row does not fit the model (naming the relation, the row's key and the column).</exception>
    public static async Task<DatabaseSnapshotResult> ReadAsync(
        PlantModel plant, string modelName, DatabaseLocation database, DatabaseReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plant);
        ArgumentNullException.ThrowIfNull(database);
        options ??= new DatabaseReadOptions();
        var clock = Stopwatch.StartNew();
        var rows = await StateQuery.ReadAsync(database, options, cancellationToken).ConfigureAwait(false);
        var snapshot = SnapshotAssembly.Build(plant, modelName, rows, options.Start);
        SnapshotValidator.Check(snapshot, plant, $"the state read from {database.Display}");
        return new DatabaseSnapshotResult(snapshot, rows.WipRows.Count, rows.ParameterRows.Count, rows.ResourceRows?.Count, clock.Elapsed);
    }
}
