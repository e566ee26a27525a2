using ActorSim.Model.Snapshots;
using ActorSim.Snapshots.Database;
using ActorSim.Snapshots.Tests.Support;

namespace ActorSim.Snapshots.Tests;

/// <summary>
/// Rows that do not fit the model, relations that are missing or lack a column, and queries the server refuses are
/// refused before any snapshot exists, naming the relation (or query), the row's key and the column.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DatabaseRefusalTests(PostgresServerFixture server)
{
    private const string Row = "INSERT INTO actorsim_wip VALUES ";
    private const string InService = "('Line_A', 'task-1', 'part', 0, 'in_service', '2026-01-02 07:00+00', NULL, NULL)";

    [Theory]
    [InlineData(Row + "('Line_X', 'task-1', 'part', 0, 'queued', '2026-01-02 07:00+00', NULL, NULL)", "actorsim_wip, row key 'task-1', column line: the model has no line 'Line_X'; it has Line_A")]
    [InlineData(Row + "('Line_A', 'task-1', 'welding', 0, 'in_service', '2026-01-02 07:00+00', NULL, NULL)", "actorsim_wip, row key 'task-1' (line 'Line_A'), column task: line 'Line_A' has no task 'welding'; it has part")]
    [InlineData(Row + "('Line_A', 'task-1', 'part', 3, 'in_service', '2026-01-02 07:00+00', NULL, NULL)", "row key 'task-1' (line 'Line_A'), column step: 3 is outside task 'part', whose steps are 0 to 0")]
    [InlineData(Row + "('Line_A', 'task-1', 'part', 0, 'in_service', '2026-01-02 08:00:01+00', NULL, NULL)", "row key 'task-1' (line 'Line_A'), column since: 2026-01-02T08:00:01Z is after the instant of the snapshot (2026-01-02T08:00:00Z)")]
    [InlineData(Row + "('Line_A', 'task-1', 'part', 0, 'in_service', '2025-12-31 23:00+00', NULL, NULL)", "column since: 2025-12-31T23:00:00Z is before the run's start")]
    [InlineData(Row + "('Line_A', 'task-1', 'part', 0, 'in_service', '2026-01-02 07:00+00', NULL, '2026-01-02 06:00+00')", "column holding_since: a task in service holds its own step's unit only")]
    [InlineData(Row + "('Line_A', 'task-1', 'part', 0, 'queued', '2026-01-02 07:00+00', NULL, NULL)", "actorsim_wip: line 'Line_A': 1 task(s) queued at resource 'lathe' (task-1) while only 0 of its 4 units are in use: a queued task would have started")]
    [InlineData("INSERT INTO actorsim_parameters VALUES ('Line_A', 'Line_A.arrival.standard.rat', '3')", "actorsim_parameters, row path 'Line_A.arrival.standard.rat' (line 'Line_A'), column path: not a registry path of line 'Line_A'", "Did you mean 'Line_A.arrival.standard.rate'?")]
    [InlineData("INSERT INTO actorsim_parameters VALUES ('Line_A', 'Line_A.resources.lathe.current_cap', '2.5')", "actorsim_parameters, row path 'Line_A.resources.lathe.current_cap' (line 'Line_A'), column value: Update of 'Line_A.resources.lathe.current_cap' to 2.5 refused")]
    [InlineData("INSERT INTO actorsim_resources VALUES ('Line_A', 'drill', 1, 2)", "actorsim_resources, row resource 'drill' (line 'Line_A'), column resource: line 'Line_A' has no resource 'drill'; it has lathe")]
    [InlineData("INSERT INTO actorsim_resources VALUES ('Line_A', 'lathe', 5, 4)", "actorsim_resources, row resource 'lathe' (line 'Line_A'), column current_cap: 5 must be between 0 and max_cap (4)")]
    [InlineData("INSERT INTO actorsim_resources VALUES ('Line_A', 'lathe', 0, 0)", "actorsim_wip: line 'Line_A': 1 tasks hold resource 'lathe' (task-1), above its max_cap (0, from the model or actorsim_resources or actorsim_parameters)")]
    public async Task A_row_that_does_not_fit_the_model_is_refused_naming_relation_key_and_column(string rows, params string[] fragments)
    {
        var database = await server.CreateDatabaseAsync();
        if (!rows.StartsWith(Row, StringComparison.Ordinal))
        {
            await server.ExecuteAsync(database, Row + InService);
        }

        await server.ExecuteAsync(database, rows);

        var error = await Assert.ThrowsAsync<SnapshotException>(() => ReadAsync(database, StateRelations.Default));

        AssertContains(error.Message, fragments);
    }

    [Theory]
    [InlineData("SELECT line, key, task, step, status FROM actorsim_wip", "the wip query (state_source.wip): no column 'since'; it has line, key, task, step, status. Its rows need line, key, task, step, status, since and optionally priority, holding_since.")]
    [InlineData("SELECT line, key, task, 'two' AS step, status, since FROM actorsim_wip", "the wip query (state_source.wip), row key 'task-1' (line 'Line_A'), column step: expected a whole number (integer), got text 'two'")]
    [InlineData("SELECT line, key, task, step, status, 'yesterday' AS since FROM actorsim_wip", "row key 'task-1' (line 'Line_A'), column since: expected a timestamp (timestamptz), got text 'yesterday'")]
    [InlineData("SELECT line, NULL::text AS key, task, step, status, since FROM actorsim_wip", "the wip query (state_source.wip), row 1 (counted from 1), column key: must not be null")]
    [InlineData("SELECT line, key, task, step, status, since FROM actorsim_wip UNION ALL SELECT line, key, task, step, status, since FROM actorsim_wip", "row key 'task-1' (line 'Line_A'), column key: the key is listed twice in this line")]
    [InlineData("SELECT line, key, task, step, 'running' AS status, since FROM actorsim_wip", "row key 'task-1' (line 'Line_A'), column status: 'running' is not a status; use queued or in_service")]
    [InlineData("SELECT FROM WHERE", "the wip query (state_source.wip): the server refused the query: 42601: syntax error")]
    [InlineData("plant_wip", "plant_wip: no such relation in postgresql://actorsim@127.0.0.1:", "create the default relations with docs/sql/actorsim-state.sql, or map your own tables with the blueprint's state_source.wip")]
    [InlineData("my wip view", "state_source.wip: 'my wip view' is neither a relation name")]
    public async Task A_relation_or_query_that_cannot_be_read_as_work_in_progress_is_refused_naming_it(string wip, params string[] fragments)
    {
        var database = await server.CreateDatabaseAsync();
        await server.ExecuteAsync(database, Row + InService);

        var error = await Assert.ThrowsAsync<SnapshotException>(() => ReadAsync(database, new StateRelations { Wip = wip }));

        AssertContains(error.Message, fragments);
        Assert.DoesNotContain(PostgresServerFixture.Password, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_parameter_relation_is_refused_but_a_missing_default_resource_relation_is_not()
    {
        var database = await server.CreateDatabaseAsync();
        await server.ExecuteAsync(database, "DROP TABLE actorsim_resources; DROP TABLE actorsim_parameters");

        var error = await Assert.ThrowsAsync<SnapshotException>(() => ReadAsync(database, StateRelations.Default));

        Assert.StartsWith("actorsim_parameters: no such relation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resource_relation_named_in_the_blueprint_must_exist()
    {
        var database = await server.CreateDatabaseAsync();

        var error = await Assert.ThrowsAsync<SnapshotException>(() => ReadAsync(database, new StateRelations { Resources = "plant.capacities" }));

        Assert.StartsWith("plant.capacities: no such relation", error.Message, StringComparison.Ordinal);
    }

    private Task<DatabaseSnapshotResult> ReadAsync(string database, StateRelations relations)
    {
        var blueprint = Examples.Load("line.yaml");
        return DatabaseSnapshots.ReadAsync(
            blueprint.Plant, "line.yaml", DatabaseLocation.Parse(server.Uri(database)),
            new DatabaseReadOptions { At = new DateTime(2026, 1, 2, 8, 0, 0, DateTimeKind.Utc), Start = blueprint.Simulation.Start, Relations = relations });
    }

    private static void AssertContains(string message, string[] fragments)
    {
        foreach (var fragment in fragments)
        {
            Assert.True(message.Contains(fragment, StringComparison.Ordinal), $"'{fragment}' is not in: {message}");
        }
    }
}
