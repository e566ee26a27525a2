using System.Data;
using System.Globalization;
using ActorSim.Model.Snapshots;
using Npgsql;

namespace ActorSim.Snapshots.Database.Internal;

/// <summary>
/// Reads the instant and the three relations in one read-only, repeatable-read transaction, so that they agree with
/// each other. A server that cannot be reached or used is a <see cref="DatabaseStateException"/>; a relation that is
/// missing, a query the server refuses or a row that cannot be read is a <see cref="SnapshotException"/>.
/// </summary>
internal static class StateQuery
{
    private static readonly string[] WipRequired = ["line", "key", "task", "step", "status", "since"];
    private static readonly string[] WipOptional = ["priority", "holding_since"];
    private static readonly string[] ParameterRequired = ["line", "path", "value"];
    private static readonly string[] ResourceRequired = ["line", "resource", "current_cap"];
    private static readonly string[] ResourceOptional = ["max_cap"];

    public static async Task<StateRows> ReadAsync(DatabaseLocation database, DatabaseReadOptions options, CancellationToken cancellationToken)
    {
        var wip = RelationSource.Of("wip", options.Relations.Wip, StateRelations.DefaultWip);
        var parameters = RelationSource.Of("parameters", options.Relations.Parameters, StateRelations.DefaultParameters);
        var resources = RelationSource.Of("resources", options.Relations.Resources, StateRelations.DefaultResources);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw Unusable(database, "cannot connect to", e);
        }

        try
        {
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
            await using (var readOnly = Command(connection, options, "SET TRANSACTION READ ONLY"))
            {
                await readOnly.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            var instant = options.At ?? await ScalarAsync<DateTime>(connection, options, "SELECT now()", cancellationToken).ConfigureAwait(false);
            var wipRows = await ReadWipAsync(connection, options, wip, database, cancellationToken).ConfigureAwait(false);
            var parameterRows = await ReadParametersAsync(connection, options, parameters, database, cancellationToken).ConfigureAwait(false);
            var resourceRows = !resources.MayBeAbsent || await ExistsAsync(connection, options, resources, cancellationToken).ConfigureAwait(false)
                ? await ReadResourcesAsync(connection, options, resources, database, cancellationToken).ConfigureAwait(false)
                : null;
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return new StateRows(instant, wip, wipRows, parameters, parameterRows, resources, resourceRows);
        }
        catch (Exception e) when (e is NpgsqlException and not PostgresException or TimeoutException)
        {
            throw Unusable(database, "lost or timed out reading", e);
        }
    }

    private static async Task<List<WipRow>> ReadWipAsync(NpgsqlConnection connection, DatabaseReadOptions options, RelationSource source, DatabaseLocation database, CancellationToken cancellationToken)
    {
        var rows = new List<WipRow>();
        await using var reader = await OpenAsync(connection, options, source, database, cancellationToken).ConfigureAwait(false);
        var row = RowReader.Open(reader, source, "key", WipRequired, WipOptional);
        while (await row.NextAsync(cancellationToken).ConfigureAwait(false))
        {
            var key = row.Key();
            var line = row.Line();
            rows.Add(new WipRow(
                rows.Count, line, key, row.Text("task"), row.Whole("step", required: true)!.Value, row.Text("status"),
                row.Timestamp("since", required: true)!.Value, row.Whole("priority", required: false), row.Timestamp("holding_since", required: false)));
        }

        // A relation has no order of its own: its ties are broken by key. A query's ORDER BY is kept.
        return source.IsQuery ? rows : rows.OrderBy(r => r.Key, StringComparer.Ordinal).Select((r, i) => r with { Order = i }).ToList();
    }

    private static async Task<List<ParameterRow>> ReadParametersAsync(
        NpgsqlConnection connection, DatabaseReadOptions options, RelationSource source, DatabaseLocation database, CancellationToken cancellationToken)
    {
        var rows = new List<ParameterRow>();
        await using var reader = await OpenAsync(connection, options, source, database, cancellationToken).ConfigureAwait(false);
        var row = RowReader.Open(reader, source, "path", ParameterRequired, []);
        while (await row.NextAsync(cancellationToken).ConfigureAwait(false))
        {
            var path = row.Key();
            rows.Add(new ParameterRow(row.Line(), path, row.Value("value")));
        }

        return rows;
    }

    private static async Task<List<ResourceRow>> ReadResourcesAsync(
        NpgsqlConnection connection, DatabaseReadOptions options, RelationSource source, DatabaseLocation database, CancellationToken cancellationToken)
    {
        var rows = new List<ResourceRow>();
        await using var reader = await OpenAsync(connection, options, source, database, cancellationToken).ConfigureAwait(false);
        var row = RowReader.Open(reader, source, "resource", ResourceRequired, ResourceOptional);
        while (await row.NextAsync(cancellationToken).ConfigureAwait(false))
        {
            var resource = row.Key();
            rows.Add(new ResourceRow(row.Line(), resource, row.Whole("current_cap", required: true)!.Value, row.Whole("max_cap", required: false)));
        }

        return rows;
    }

    /// <summary>Runs a relation's query; the server's refusal (a missing relation or column, a syntax error) names the relation.</summary>
    private static async Task<NpgsqlDataReader> OpenAsync(
        NpgsqlConnection connection, DatabaseReadOptions options, RelationSource source, DatabaseLocation database, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, options, source.Sql);
        try
        {
            return await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable && !source.IsQuery)
        {
            throw Refusal.Relation(source,
                $"no such relation in {database.Display}; create the default relations with docs/sql/actorsim-state.sql, or map your own tables with the blueprint's state_source.{source.Role} (a view's name or a query).");
        }
        catch (PostgresException e)
        {
            throw Refusal.Relation(source, database.Scrub($"the server refused {(source.IsQuery ? "the query" : "to read it")}: {e.SqlState}: {e.MessageText}{(e.Position > 0 ? string.Create(CultureInfo.InvariantCulture, $" (at character {e.Position})") : string.Empty)}"));
        }
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, DatabaseReadOptions options, RelationSource source, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, options, "SELECT to_regclass($1) IS NOT NULL");
        command.Parameters.Add(new NpgsqlParameter { Value = source.Text });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, DatabaseReadOptions options, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, options, sql);
        return (T)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

#pragma warning disable CA2100 // The SQL is a checked relation name or a query from the model's own blueprint, run read-only.
    private static NpgsqlCommand Command(NpgsqlConnection connection, DatabaseReadOptions options, string sql) =>
        new(sql, connection) { CommandTimeout = (int)Math.Ceiling(options.CommandTimeout.TotalSeconds) };
#pragma warning restore CA2100

    private static DatabaseStateException Unusable(DatabaseLocation database, string what, Exception e)
    {
        var reason = e switch
        {
            PostgresException p => $"{p.SqlState}: {p.MessageText}",
            _ when e.InnerException is { } inner => $"{e.Message} ({inner.Message})",
            _ => e.Message,
        };
        return new DatabaseStateException(database.Scrub($"{what} the PostgreSQL server at {database.Server} ({database.Display}): {reason}"), e);
    }
}
