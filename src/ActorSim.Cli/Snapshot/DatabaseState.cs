using ActorSim.Blueprints;
using ActorSim.Cli.CommandLine;
using ActorSim.Model.Snapshots;
using ActorSim.Runs;
using ActorSim.Snapshots.Database;
using ActorSim.Snapshots.Schedules;

namespace ActorSim.Cli.Snapshot;

/// <summary>
/// Reads a model's state from a PostgreSQL database for <c>actorsim snapshot --from</c> and <c>actorsim history
/// --snapshot postgresql://…</c>: the relations the blueprint's <c>state_source</c> names (else the defaults), from the
/// start given, else the blueprint's <c>simulation.start</c>, else midnight of the earliest time read. A malformed
/// location or a state that does not fit the model is a usage error naming the option and the database (never its
/// password); a server that cannot be used is a <see cref="DatabaseStateException"/>.
/// </summary>
internal static class DatabaseState
{
    /// <summary>Whether <paramref name="location"/> names a database rather than a snapshot file.</summary>
    public static bool IsDatabase(string location) => DatabaseLocation.IsUri(location);

    /// <summary>The state of <paramref name="model"/> in <paramref name="connection"/> at <paramref name="at"/> (null: the server's now).</summary>
    public static async Task<DatabaseSnapshotResult> ReadAsync(
        ModelSource model, string option, string connection, DateTime? at, DateTime? start, CancellationToken cancellation)
    {
        DatabaseLocation database;
        try
        {
            database = DatabaseLocation.Parse(connection);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"{option}: {e.Message}");
        }

        var (plant, name) = ModelOption.Build(model);
        var blueprint = Blueprint(model);
        var options = new DatabaseReadOptions
        {
            At = at,
            Start = start ?? blueprint?.Simulation.Start,
            Relations = blueprint?.StateSource is { } source
                ? new StateRelations
                {
                    Wip = source.Wip ?? StateRelations.DefaultWip,
                    Parameters = source.Parameters ?? StateRelations.DefaultParameters,
                    Resources = source.Resources ?? StateRelations.DefaultResources,
                }
                : StateRelations.Default,
        };
        try
        {
            return await DatabaseSnapshots.ReadAsync(plant, name, database, options, cancellation).ConfigureAwait(false);
        }
        catch (SnapshotException e)
        {
            throw new UsageException($"{option} {database.Display}: {e.Message}");
        }
    }

    /// <summary>The blueprint's settings (its start and state_source); null for a catalog model.</summary>
    private static PlantBlueprint? Blueprint(ModelSource model) =>
        model.Blueprint is { } yaml ? BlueprintLoader.LoadPlantFromText(yaml, model.SourceName!, ScheduleSources.Options) : null;
}
