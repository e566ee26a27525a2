using ActorSim.Blueprints;
using ActorSim.Model.Snapshots;
using ActorSim.Snapshots.Database;
using ActorSim.Snapshots.Tests.Support;

namespace ActorSim.Snapshots.Tests;

/// <summary>
/// A snapshot read from a real PostgreSQL server holds, row by row, the tasks, parameters and capacities the relations
/// give, in service order, with the times counted from the run's start, and passes the validator.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DatabaseSnapshotTests(PostgresServerFixture server)
{
    private static readonly DateTime Instant = new(2026, 1, 2, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_line_is_read_row_by_row_in_service_order()
    {
        var blueprint = Examples.Load("line.yaml");
        var database = await server.CreateDatabaseAsync();
        await server.ExecuteAsync(database, """
            INSERT INTO actorsim_wip (line, key, task, step, status, since, priority) VALUES
              ('Line_A', 'task-101', 'part', 0, 'in_service', '2026-01-02 07:59:58+00', NULL),
              ('Line_A', 'task-99',  'part', 0, 'in_service', '2026-01-02 07:59:50+00', NULL),
              ('Line_A', 'task-100', 'part', 0, 'in_service', '2026-01-02 08:59:55.5+01', NULL),
              ('Line_A', 'task-102', 'part', 0, 'in_service', '2026-01-02 07:59:59+00', NULL),
              ('Line_A', 'task-104', 'part', 0, 'queued',     '2026-01-02 07:59:59.5+00', NULL),
              ('Line_A', 'task-103', 'part', 0, 'queued',     '2026-01-02 07:59:59.5+00', NULL),
              ('Line_A', 'task-105', 'part', 0, 'queued',     '2026-01-02 07:59:59.75+00', 0);
            INSERT INTO actorsim_parameters (line, path, value) VALUES
              ('Line_A', 'Line_A.arrival.standard.rate', '2.5'),
              ('Line_A', 'Line_A.service.milling.mean', '"2.1"');
            """);

        var result = await ReadAsync(blueprint, database, Instant);

        var snapshot = result.Snapshot;
        Assert.Equal((SnapshotKind.Observed, new DateTime(2026, 1, 1), 115_200.0), (snapshot.Kind, snapshot.Start, snapshot.AsOf));
        Assert.Equal(new DateTime(2026, 1, 2, 8, 0, 0), snapshot.AsOfTimestamp);
        Assert.Equal(new ModelIdentity("line.yaml", ModelFingerprint.Of(blueprint.Plant)), snapshot.Model);
        var line = Assert.Single(snapshot.Lines);
        AssertTasks(line,
            InService("task-99", 115_190),
            InService("task-100", 115_195.5),
            InService("task-101", 115_198),
            InService("task-102", 115_199),
            Queued("task-105", 115_199.75) with { Priority = 0 },
            Queued("task-103", 115_199.5),
            Queued("task-104", 115_199.5));
        Assert.Equal(2.5, line.Parameters["Line_A.arrival.standard.rate"]);
        Assert.Equal(2.1, line.Parameters["Line_A.service.milling.mean"]);
        Assert.DoesNotContain(line.Parameters.Keys, path => path.StartsWith("Line_A.resources.", StringComparison.Ordinal));
        Assert.Equal([new ResourceSnapshot("lathe", 4, 10)], line.Resources);
        Assert.Equal(106, line.NextTaskNumber);
        Assert.Equal([new ScenarioStep(259_200, "Line_A.resources.lathe.current_cap", blueprint.Plant.Lines[0].Scenario[0].Value)], line.Scenario);
        Assert.Equal((7, 2, 0), (result.WipRows, result.ParameterRows, result.ResourceRows));
        SnapshotValidator.Check(SnapshotJson.Read(SnapshotJson.Write(snapshot), "written"), blueprint.Plant, "written and read back");
    }

    [Fact]
    public async Task A_plant_is_read_line_by_line()
    {
        var blueprint = Examples.Load("two-stage-plant.yaml");
        var database = await server.CreateDatabaseAsync();
        await server.ExecuteAsync(database, """
            INSERT INTO actorsim_wip (line, key, task, step, status, since) VALUES
              ('Machining_1', 'm1-part-42', 'part',      0, 'queued',     '2026-01-01 00:59:59.9+00'),
              ('Machining_1', 'm1-part-40', 'part',      0, 'in_service', '2026-01-01 00:59:59+00'),
              ('Machining_1', 'm1-part-41', 'part',      0, 'queued',     '2026-01-01 00:59:59.5+00'),
              ('Machining_3', 'm3-part-7',  'part',      0, 'in_service', '2026-01-01 00:59:58+00'),
              ('Assembly_2',  'm1-part-38', 'crossover', 0, 'in_service', '2026-01-01 00:59:59+00'),
              ('Assembly_2',  'm2-part-12', 'main',      1, 'in_service', '2026-01-01 00:59:59.25+00'),
              ('Assembly_2',  'm2-part-13', 'main',      1, 'queued',     '2026-01-01 00:59:59.75+00');
            INSERT INTO actorsim_parameters (line, path, value) VALUES ('Machining_1', 'Machining_1.links.conveyor_1.max', '16');
            INSERT INTO actorsim_resources (line, resource, current_cap, max_cap) VALUES ('Assembly_2', 'station', 2, 2);
            """);

        var snapshot = (await ReadAsync(blueprint, database, new DateTime(2026, 1, 1, 1, 0, 0, DateTimeKind.Utc))).Snapshot;

        Assert.Equal(3600, snapshot.AsOf);
        var lines = snapshot.Lines.ToDictionary(l => l.SimId);
        Assert.Equal(blueprint.Plant.Lines.Select(l => l.SimId), snapshot.Lines.Select(l => l.SimId));
        AssertTasks(lines["Machining_1"], InService("m1-part-40", 3599), Queued("m1-part-41", 3599.5), Queued("m1-part-42", 3599.9));
        AssertTasks(lines["Machining_3"], InService("m3-part-7", 3598));
        AssertTasks(lines["Assembly_2"],
            InService("m1-part-38", 3599) with { Task = "crossover" },
            InService("m2-part-12", 3599.25) with { Task = "main", Step = 1 },
            Queued("m2-part-13", 3599.75) with { Task = "main", Step = 1 });
        Assert.Equal((43L, 0L, 8L, 0L), (lines["Machining_1"].NextTaskNumber, lines["Machining_2"].NextTaskNumber, lines["Machining_3"].NextTaskNumber, lines["Assembly_2"].NextTaskNumber));
        Assert.Equal(16.0, lines["Machining_1"].Parameters["Machining_1.links.conveyor_1.max"]);
        Assert.Equal([new ResourceSnapshot("station", 2, 2), new ResourceSnapshot("tester", 1, 1)], lines["Assembly_2"].Resources);
        Assert.All(snapshot.Lines.Where(l => l.SimId is "Machining_2" or "Machining_4" or "Assembly_1" or "Assembly_3" or "Assembly_4"), l => Assert.Empty(l.Tasks));
        Assert.All(snapshot.Lines, l => Assert.Empty(l.InTransit));
    }

    [Fact]
    public async Task A_task_queued_at_a_hand_off_holds_the_previous_unit_and_a_rush_task_goes_first()
    {
        var blueprint = Examples.HandOff();
        var database = await server.CreateDatabaseAsync();
        await server.ExecuteAsync(database, """
            INSERT INTO actorsim_wip (line, key, task, step, status, since, priority, holding_since) VALUES
              ('Line_H', 'task-5', 'part', 1, 'in_service', '2026-03-01 06:34:50+00', NULL, NULL),
              ('Line_H', 'task-6', 'part', 1, 'queued',     '2026-03-01 06:34:55+00', NULL, '2026-03-01 06:34:52+00'),
              ('Line_H', 'task-7', 'part', 1, 'queued',     '2026-03-01 06:34:56+00', NULL, NULL),
              ('Line_H', 'rush-3', 'rush', 0, 'queued',     '2026-03-01 06:34:58+00', NULL, NULL),
              ('Line_H', 'task-8', 'part', 0, 'in_service', '2026-03-01 06:34:59+00', NULL, NULL);
            """);

        var snapshot = (await ReadAsync(blueprint, database, new DateTime(2026, 3, 1, 6, 35, 0, DateTimeKind.Utc))).Snapshot;

        var line = Assert.Single(snapshot.Lines);
        Assert.Equal(2100, snapshot.AsOf);
        AssertTasks(line,
            InService("task-5", 2090) with { Step = 1 },
            InService("task-8", 2099),
            Queued("rush-3", 2098) with { Task = "rush" },
            Queued("task-6", 2095) with { Step = 1, Holding = new HeldResource("cutter", 2092) },
            Queued("task-7", 2096) with { Step = 1, Holding = new HeldResource("cutter", 2096) });
        Assert.Equal(9, line.NextTaskNumber);
        Assert.Equal(0.0, line.Parameters["Line_H.arrival.rush.rate"]);
        Assert.Equal(new ResourceSnapshot("press", 1, 4), line.Resources.Single(r => r.Name == "press"));
        Assert.Equal([2400.0, 2400.0], line.Scenario.Select(s => s.At));
    }

    [Fact]
    public async Task Capacities_come_from_the_resource_rows_over_the_parameter_rows_and_from_the_parameters_without_the_relation()
    {
        var blueprint = Examples.Load("line.yaml");
        var withRelation = await server.CreateDatabaseAsync();
        var without = await server.CreateDatabaseAsync();
        foreach (var database in new[] { withRelation, without })
        {
            await server.ExecuteAsync(database, "INSERT INTO actorsim_parameters VALUES ('Line_A', 'Line_A.resources.lathe.current_cap', '6')");
        }

        await server.ExecuteAsync(withRelation, "INSERT INTO actorsim_resources VALUES ('Line_A', 'lathe', 12, 12)");
        await server.ExecuteAsync(without, "DROP TABLE actorsim_resources");

        var fromRelation = await ReadAsync(blueprint, withRelation, Instant);
        var fromParameters = await ReadAsync(blueprint, without, Instant);

        Assert.Equal([new ResourceSnapshot("lathe", 12, 12)], fromRelation.Snapshot.Lines[0].Resources);
        Assert.Equal([new ResourceSnapshot("lathe", 6, 10)], fromParameters.Snapshot.Lines[0].Resources);
        Assert.Null(fromParameters.ResourceRows);
    }

    [Fact]
    public async Task Now_is_the_servers_clock_and_the_start_is_midnight_of_the_earliest_time_read()
    {
        var plant = Examples.Load("line.yaml").Plant;
        var database = await server.CreateDatabaseAsync();
        await server.ExecuteAsync(database, """
            INSERT INTO actorsim_wip (line, key, task, step, status, since) VALUES
              ('Line_A', 'task-1', 'part', 0, 'in_service', now() - interval '2 days'),
              ('Line_A', 'task-2', 'part', 0, 'in_service', now() - interval '5 minutes');
            """);
        var before = DateTime.UtcNow;

        var snapshot = (await DatabaseSnapshots.ReadAsync(plant, "line.yaml", DatabaseLocation.Parse(server.Uri(database)))).Snapshot;

        var after = DateTime.UtcNow;
        var earliest = snapshot.Start.AddSeconds(snapshot.Lines[0].Tasks[0].Since);
        Assert.Equal(DateTimeKind.Unspecified, snapshot.Start.Kind);
        Assert.Equal(earliest.Date, snapshot.Start);
        Assert.InRange(snapshot.AsOfTimestamp!.Value, before.AddSeconds(-1), after.AddSeconds(1));
        Assert.InRange(snapshot.AsOf - snapshot.Lines[0].Tasks[1].Since, 300, 330);
        Assert.Equal(2 * 86400 - 300, snapshot.Lines[0].Tasks[1].Since - snapshot.Lines[0].Tasks[0].Since, 3);
    }

    [Fact]
    public async Task A_plants_own_tables_are_read_through_a_view_and_queries()
    {
        var blueprint = Examples.Load("line.yaml");
        var database = await server.CreateDatabaseAsync();
        await server.ExecuteAsync(database, """
            CREATE SCHEMA plant;
            CREATE TABLE plant.orders (order_no int, machine_state text, state_since timestamptz, urgent boolean);
            INSERT INTO plant.orders VALUES
              (7, 'running', '2026-01-02 07:59:00+00', false), (8, 'running', '2026-01-02 07:59:10+00', false),
              (9, 'running', '2026-01-02 07:59:20+00', false), (10, 'running', '2026-01-02 07:59:30+00', false),
              (11, 'waiting', '2026-01-02 07:59:40+00', false), (12, 'waiting', '2026-01-02 07:59:40+00', false),
              (13, 'waiting', '2026-01-02 07:59:50+00', true);
            CREATE VIEW plant.wip_view AS
              SELECT 'Line_A' AS line, 'task-' || order_no AS key, 'part' AS task, 0 AS step,
                     CASE machine_state WHEN 'running' THEN 'in_service' ELSE 'queued' END AS status,
                     state_since AS since, CASE WHEN urgent THEN 0 END AS priority, order_no
              FROM plant.orders;
            CREATE TABLE plant.settings (name text, amount numeric);
            INSERT INTO plant.settings VALUES ('arrival rate', 1.75), ('lathes', 4);
            """);
        var relations = new StateRelations
        {
            Wip = "SELECT * FROM plant.wip_view ORDER BY since, order_no DESC;",
            Parameters = "SELECT 'Line_A' AS line, 'Line_A.arrival.standard.rate' AS path, amount AS value FROM plant.settings WHERE name = 'arrival rate'",
            Resources = "SELECT 'Line_A' AS line, 'lathe' AS resource, amount::int AS current_cap, 2 * amount AS max_cap FROM plant.settings WHERE name = 'lathes'",
        };

        var result = await ReadAsync(blueprint, database, Instant, relations);

        var line = result.Snapshot.Lines[0];
        Assert.Equal(["task-7", "task-8", "task-9", "task-10", "task-13", "task-12", "task-11"], line.Tasks.Select(t => t.Key));
        Assert.Equal(1.75, line.Parameters["Line_A.arrival.standard.rate"]);
        Assert.Equal([new ResourceSnapshot("lathe", 4, 8)], line.Resources);
        Assert.Equal(14, line.NextTaskNumber);
    }

    private Task<DatabaseSnapshotResult> ReadAsync(PlantBlueprint blueprint, string database, DateTime at, StateRelations? relations = null) =>
        DatabaseSnapshots.ReadAsync(
            blueprint.Plant, Path.GetFileName(blueprint.SourceName), DatabaseLocation.Parse(server.Uri(database)),
            new DatabaseReadOptions { At = at, Start = blueprint.Simulation.Start, Relations = relations ?? StateRelations.Default });

    private static TaskSnapshot InService(string key, double since) =>
        new() { Key = key, Task = "part", Step = 0, State = TaskState.InService, Since = since };

    private static TaskSnapshot Queued(string key, double since) =>
        new() { Key = key, Task = "part", Step = 0, State = TaskState.Queued, Since = since };

    private static void AssertTasks(LineSnapshot line, params TaskSnapshot[] expected)
    {
        Assert.Equal(expected.Select(t => t.Key), line.Tasks.Select(t => t.Key));
        for (var i = 0; i < expected.Length; i++)
        {
            var actual = line.Tasks[i];
            Assert.True(expected[i] with { Since = 0 } == actual with { Since = 0 }, $"{line.SimId} task {i}: expected {expected[i]}, got {actual}");
            Assert.Equal(expected[i].Since, actual.Since, 6);
        }
    }
}
