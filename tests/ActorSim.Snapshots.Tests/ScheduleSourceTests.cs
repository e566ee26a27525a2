using ActorSim.Blueprints;
using ActorSim.Egress;
using ActorSim.Snapshots.Schedules;
using ActorSim.Snapshots.Tests.Support;

namespace ActorSim.Snapshots.Tests;

/// <summary>
/// Production schedules read from a Parquet file (written with the project's own Parquet writer) and from a query on a
/// real PostgreSQL server become the releases the blueprint names, in the source's order, typed as stored.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ScheduleSourceTests(PostgresServerFixture server) : IDisposable
{
    private const string Line = """
        simulation: {sim_id: L, start: "2026-01-05T06:00:00"}
        services: {s: {dist: constant, value: 1}}
        resources: {r: {current_cap: 1}}
        tasks:
          part: {steps: [{resource: r, service: s}]}
          rush: {key_prefix: rush-, steps: [{resource: r, service: s}]}
        schedules:
          today: SOURCE
        """;

    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_parquet_schedule_beside_the_blueprint_should_become_its_releases()
    {
        var table = new ParquetTable(3)
            .AddDouble("time", [120, 60, 60])
            .AddString("task", ["part", "rush", "part"])
            .AddString("key", ["WO-1", null, "WO-2"])
            .AddInt64("quantity", [4, 1, 2]);
        File.WriteAllBytes(_folder.Sub("today.parquet"), table.ToBytes());

        var releases = Load("{parquet: today.parquet}").Model.Schedules[0].Releases;

        Assert.Equal(["60 rush  1 today.parquet row 2", "60 part WO-2 2 today.parquet row 3", "120 part WO-1 4 today.parquet row 1"],
            releases.Select(r => $"{r.Time} {r.Task} {r.Key} {r.Attributes!["quantity"]} {r.Origin}"));
        Assert.IsType<long>(releases[0].Attributes!["quantity"]);
    }

    [Fact]
    public void A_parquet_row_of_an_unknown_task_should_be_refused_naming_the_row()
    {
        File.WriteAllBytes(_folder.Sub("today.parquet"), new ParquetTable(2).AddDouble("time", [0, 5]).AddString("task", ["part", "bolt"]).ToBytes());

        var error = Assert.Throws<BlueprintException>(() => Load("{parquet: today.parquet}"));

        Assert.Contains("today.parquet row 2: task: 'bolt' is not a task of the line", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_parquet_should_be_refused_at_its_key_naming_the_path()
    {
        File.WriteAllText(_folder.Sub("today.parquet"), "time,task\n0,part\n");

        var error = Assert.Throws<BlueprintException>(() => Load("{parquet: today.parquet}"));

        Assert.Equal("schedules.today.parquet", error.KeyPath);
        Assert.Contains($"cannot read the Parquet file '{_folder.Sub("today.parquet")}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_schedule_should_read_timestamps_intervals_and_attributes_in_the_query_order()
    {
        var database = await server.CreateDatabaseAsync();
        await server.ExecuteAsync(database, """
            CREATE TABLE plan (release_at timestamp, product text, order_no text, qty integer, urgent boolean);
            INSERT INTO plan VALUES
              ('2026-01-05 07:00', 'part', 'WO-7', 3, false),
              ('2026-01-05 06:30', 'rush', NULL, 1, true),
              ('2026-01-05 06:30', 'part', 'WO-8', 2, false);
            """);
        var query = "SELECT release_at AS time, product AS task, order_no AS key, qty, urgent FROM plan ORDER BY release_at, qty DESC";

        var blueprint = Load($"{{query: \"{query}\", connection: \"{server.Uri(database)}\"}}");

        Assert.Equal(["1800 part WO-8 2 False", "1800 rush  1 True", "3600 part WO-7 3 False"],
            blueprint.Model.Schedules[0].Releases.Select(r => $"{r.Time} {r.Task} {r.Key} {r.Attributes!["qty"]} {r.Attributes["urgent"]}"));
        Assert.Equal("query row 1", blueprint.Model.Schedules[0].Releases[0].Origin);
    }

    [Fact]
    public async Task A_query_the_server_refuses_should_be_refused_at_the_query_without_the_password()
    {
        var database = await server.CreateDatabaseAsync();

        var error = Assert.Throws<BlueprintException>(() => Load($"{{query: \"SELECT * FROM no_such_plan\", connection: \"{server.Uri(database)}\"}}"));

        Assert.Equal("schedules.today.query", error.KeyPath);
        Assert.Contains("refused the query", error.Message, StringComparison.Ordinal);
        Assert.Contains("no_such_plan", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(PostgresServerFixture.Password, error.Message, StringComparison.Ordinal);
    }

    private Blueprint Load(string source)
    {
        var path = _folder.Sub("line.yaml");
        File.WriteAllText(path, Line.Replace("SOURCE", source, StringComparison.Ordinal));
        return BlueprintLoader.Load(path, ScheduleSources.Options);
    }
}
