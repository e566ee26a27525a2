using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ActorSim.Cli.Tests.Support;
using ActorSim.Egress.Tests.Support;
using ActorSim.Model.Snapshots;
using ActorSim.Snapshots.Tests.Support;

namespace ActorSim.Cli.Tests;

/// <summary>
/// <c>actorsim snapshot --from postgresql://…</c> and <c>actorsim history --snapshot postgresql://…</c> against a real
/// PostgreSQL server: the state the rows give is written or run on, the blueprint's state_source maps a plant's own
/// view, and bad rows or an unreachable server are told naming what is wrong, never with the password.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SnapshotDatabaseTests(PostgresServerFixture server)
{
    private const string LineRows = """
        INSERT INTO actorsim_wip (line, key, task, step, status, since, priority) VALUES
          ('Line_A', 'task-101', 'part', 0, 'in_service', '2026-01-02 07:59:58+00', NULL),
          ('Line_A', 'task-99',  'part', 0, 'in_service', '2026-01-02 07:59:50+00', NULL),
          ('Line_A', 'task-100', 'part', 0, 'in_service', '2026-01-02 07:59:55+00', NULL),
          ('Line_A', 'task-102', 'part', 0, 'in_service', '2026-01-02 07:59:59+00', NULL),
          ('Line_A', 'task-104', 'part', 0, 'queued',     '2026-01-02 07:59:59.5+00', NULL),
          ('Line_A', 'task-103', 'part', 0, 'queued',     '2026-01-02 07:59:59.5+00', NULL),
          ('Line_A', 'task-105', 'part', 0, 'queued',     '2026-01-02 07:59:59.75+00', 0);
        INSERT INTO actorsim_parameters (line, path, value) VALUES ('Line_A', 'Line_A.arrival.standard.rate', '2.5');
        """;

    private static string LineExample => Path.Combine(Repository.Root, "examples", "line.yaml");

    [Fact]
    public async Task Snapshot_from_a_database_writes_the_state_its_rows_give()
    {
        using var folder = new TempDirectory();
        var database = await server.CreateDatabaseAsync();
        await server.ExecuteAsync(database, LineRows);
        var file = folder.Sub("at-8h.json");

        var (code, output, error) = await ActorsimCommand.RunAsync(
            "snapshot", "--model", LineExample, "--from", server.Uri(database), "--at", "2026-01-02T08:00:00Z", "--out", file);

        Assert.True(code == 0, error);
        AssertNoPassword(output + error);
        Assert.Contains("observed snapshot of 'Line_A' at t=", output);
        Assert.Contains("4 tasks in service, 3 queued, 0 items in transit; 7 work-in-progress, 1 parameter and 0 resource rows read", output);
        Assert.Contains($"read: postgresql://actorsim@127.0.0.1:{server.Port}/{database}, start 2026-01-01T00:00:00.000", output);
        var snapshot = SnapshotJson.Read(await File.ReadAllTextAsync(file), file);
        Assert.Equal((SnapshotKind.Observed, new DateTime(2026, 1, 1), 115_200.0), (snapshot.Kind, snapshot.Start, snapshot.AsOf));
        Assert.Equal(["task-99", "task-100", "task-101", "task-102", "task-105", "task-103", "task-104"], snapshot.Lines[0].Tasks.Select(t => t.Key));
        Assert.Equal(2.5, snapshot.Lines[0].Parameters["Line_A.arrival.standard.rate"]);
        var check = await ActorsimCommand.RunAsync("snapshot", "--model", LineExample, "--check", file);
        Assert.True(check.ExitCode == 0, check.Error);
        Assert.Contains("a valid observed snapshot of 'Line_A'", check.Output);
    }

    [Fact]
    public async Task Snapshot_from_a_plants_own_view_named_by_the_blueprints_state_source()
    {
        using var folder = new TempDirectory();
        var database = await server.CreateDatabaseAsync();
        await server.ExecuteAsync(database, """
            CREATE SCHEMA plant;
            CREATE TABLE plant.jobs (machine text, job text, running boolean, since timestamptz);
            INSERT INTO plant.jobs VALUES
              ('M1', 'm1-part-40', true, '2026-01-01 00:59:59+00'), ('M1', 'm1-part-41', false, '2026-01-01 00:59:59.5+00'),
              ('M2', 'm2-part-9', true, '2026-01-01 00:59:58+00');
            CREATE VIEW plant.wip_view AS
              SELECT 'Machining_' || substr(machine, 2) AS line, job AS key, 'part' AS task, 0 AS step,
                     CASE WHEN running THEN 'in_service' ELSE 'queued' END AS status, since
              FROM plant.jobs;
            """);
        var blueprint = folder.Sub("plant.yaml");
        await File.WriteAllTextAsync(blueprint,
            await File.ReadAllTextAsync(Path.Combine(Repository.Root, "examples", "two-stage-plant.yaml")) + "\nstate_source: {wip: plant.wip_view}\n");
        var file = folder.Sub("plant.json");

        var (code, output, error) = await ActorsimCommand.RunAsync(
            "snapshot", "--model", blueprint, "--from", server.Uri(database), "--at", "2026-01-01T01:00:00Z", "--out", file);

        Assert.True(code == 0, error);
        AssertNoPassword(output + error);
        var lines = SnapshotJson.Read(await File.ReadAllTextAsync(file), file).Lines.ToDictionary(l => l.SimId);
        Assert.Equal(["m1-part-40", "m1-part-41"], lines["Machining_1"].Tasks.Select(t => t.Key));
        Assert.Equal([3599.0, 3599.5], lines["Machining_1"].Tasks.Select(t => t.Since));
        Assert.Equal(["m2-part-9"], lines["Machining_2"].Tasks.Select(t => t.Key));
        Assert.Equal((42L, 10L), (lines["Machining_1"].NextTaskNumber, lines["Machining_2"].NextTaskNumber));
    }

    [Fact]
    public async Task History_goes_on_from_the_database_state_now_and_the_queued_tasks_start_in_order()
    {
        using var folder = new TempDirectory();
        var database = await server.CreateDatabaseAsync();
        await server.ExecuteAsync(database, """
            INSERT INTO actorsim_wip (line, key, task, step, status, since, priority) VALUES
              ('Line_A', 'task-20', 'part', 0, 'in_service', now() - interval '1.5 seconds', NULL),
              ('Line_A', 'task-21', 'part', 0, 'in_service', now() - interval '1.2 seconds', NULL),
              ('Line_A', 'task-22', 'part', 0, 'in_service', now() - interval '0.9 seconds', NULL),
              ('Line_A', 'task-23', 'part', 0, 'in_service', now() - interval '0.6 seconds', NULL),
              ('Line_A', 'task-24', 'part', 0, 'queued',     now() - interval '0.5 seconds', NULL),
              ('Line_A', 'task-25', 'part', 0, 'queued',     now() - interval '0.4 seconds', NULL),
              ('Line_A', 'task-26', 'part', 0, 'queued',     now() - interval '0.3 seconds', 0);
            """);
        var start = DateTime.UtcNow.Date.AddDays(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

        var (code, output, error) = await ActorsimCommand.RunAsync(
            "history", "--model", LineExample, "--engine", "reference", "--snapshot", server.Uri(database), "--start", start,
            "--duration", "10 mins", "--format", "jsonl", "--dest", folder.Sub("rest"), "--progress", "none");

        Assert.True(code == 0, error);
        AssertNoPassword(output + error);
        var records = Directory.GetFiles(folder.Sub("rest"), "events_*.jsonl").Order(StringComparer.Ordinal).SelectMany(File.ReadLines)
            .Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        Assert.True(records.Length > 100, $"only {records.Length} records");
        string Key(JsonElement r) => r.GetProperty("key").GetString()!;
        string Status(JsonElement r) => r.GetProperty("status").GetString()!;
        var started = records.Where(r => Status(r) == "started").Select(Key).ToArray();
        Assert.Equal(["task-26", "task-24", "task-25"], started.Take(3));
        Assert.Equal(["task-20", "task-21", "task-22", "task-23"], records.Where(r => Status(r) == "finished").Select(Key).Take(4).Order(StringComparer.Ordinal));
        Assert.Equal("task-27", records.Where(r => Status(r) == "queued").Select(Key).First());
    }

    [Fact]
    public async Task A_forecast_starts_from_the_state_a_database_holds_now()
    {
        using var folder = new TempDirectory();
        var database = await server.CreateDatabaseAsync();
        // Now is past the blueprint's scenario (6 lathes from day 3): the database says 4 are in force.
        await server.ExecuteAsync(database, LineRows + "INSERT INTO actorsim_resources (line, resource, current_cap) VALUES ('Line_A', 'lathe', 4);");

        var (code, output, error) = await ActorsimCommand.RunAsync(
            "forecast", "--model", LineExample, "--snapshot", server.Uri(database), "--horizon", "10 mins", "--replications", "3", "--out", folder.Sub("fc"));

        Assert.True(code == 0, error);
        AssertNoPassword(output + error);
        Assert.Contains("from the observed snapshot at t=", output);
        var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder.Sub("fc"), "summary.json"))).RootElement;
        Assert.Equal("observed", summary.GetProperty("snapshot").GetProperty("kind").GetString());
        // The 7 tasks the rows hold are in the line from the start: each replication finishes them before its new arrivals.
        Assert.True(summary.GetProperty("kpis").GetProperty("throughput").GetProperty("min").GetDouble() >= 7);
    }

    [Fact]
    public async Task A_row_that_does_not_fit_is_refused_naming_relation_key_and_column_without_the_password()
    {
        using var folder = new TempDirectory();
        var database = await server.CreateDatabaseAsync();
        await server.ExecuteAsync(database, "INSERT INTO actorsim_wip VALUES ('Line_A', 'task-7', 'part', 2, 'in_service', '2026-01-02 07:00+00', NULL, NULL)");
        var uri = server.Uri(database);

        var snapshot = await ActorsimCommand.RunAsync("snapshot", "--model", LineExample, "--from", uri, "--at", "2026-01-02T08:00:00Z", "--out", folder.Sub("x.json"));
        var history = await ActorsimCommand.RunAsync("history", "--model", LineExample, "--snapshot", uri, "--duration", "1 min", "--dest", folder.Sub("out"), "--progress", "none");

        var display = $"postgresql://actorsim@127.0.0.1:{server.Port}/{database}";
        const string Refusal = "actorsim_wip, row key 'task-7' (line 'Line_A'), column step: 2 is outside task 'part', whose steps are 0 to 0";
        Assert.Equal(2, snapshot.ExitCode);
        Assert.Contains($"actorsim: --from {display}: {Refusal}", snapshot.Error);
        Assert.Equal(2, history.ExitCode);
        Assert.Contains($"actorsim: --snapshot {display}: {Refusal}", history.Error);
        AssertNoPassword(snapshot.Output + snapshot.Error + history.Output + history.Error);
        Assert.False(File.Exists(folder.Sub("x.json")));
        Assert.False(Directory.Exists(folder.Sub("out")));
    }

    [Fact]
    public async Task An_unreachable_server_is_told_with_host_and_port_without_the_password()
    {
        using var folder = new TempDirectory();
        var port = ClosedPort();
        var uri = $"postgresql://actorsim:{Uri.EscapeDataString(PostgresServerFixture.Password)}@127.0.0.1:{port}/plant";

        var snapshot = await ActorsimCommand.RunAsync("snapshot", "--from", uri, "--out", folder.Sub("x.json"));
        var history = await ActorsimCommand.RunAsync("history", "--snapshot", uri, "--duration", "1 min", "--dest", folder.Sub("out"), "--progress", "none");

        var told = $"cannot connect to the PostgreSQL server at 127.0.0.1:{port} (postgresql://actorsim@127.0.0.1:{port}/plant): ";
        Assert.Equal(1, snapshot.ExitCode);
        Assert.StartsWith($"actorsim: snapshot failed: {told}", snapshot.Error, StringComparison.Ordinal);
        Assert.Equal(1, history.ExitCode);
        Assert.StartsWith($"actorsim: the snapshot could not be read: {told}", history.Error, StringComparison.Ordinal);
        AssertNoPassword(snapshot.Output + snapshot.Error + history.Output + history.Error);
    }

    [Theory]
    [InlineData(new[] { "--from", "postgresql://u:pw-Zq81%3Axv%407%2Ft@h/db" }, "--from needs --out")]
    [InlineData(new[] { "--from", "postgresql://u:pw-Zq81%3Axv%407%2Ft@h/db", "--out", "x.json", "--at", "8 hours" }, "--at '8 hours': with --from, the instant is 'now' or an ISO timestamp")]
    [InlineData(new[] { "--from", "postgresql://u:pw-Zq81%3Axv%407%2Ft@h:0/db", "--out", "x.json" }, "--from: The database port '0' is not a port number")]
    [InlineData(new[] { "--events", "data", "--at", "now", "--out", "x.json" }, "--at now reads a database (--from)")]
    [InlineData(new[] { "--events", "data", "--at", "1 hour", "--start", "2026-01-01", "--out", "x.json" }, "--start is for --from")]
    public async Task Database_options_that_cannot_work_are_refused(string[] options, string message)
    {
        var (code, output, error) = await ActorsimCommand.RunAsync(["snapshot", .. options]);

        Assert.Equal(2, code);
        Assert.Contains(message, error);
        AssertNoPassword(output + error);
    }

    private static void AssertNoPassword(string text)
    {
        Assert.DoesNotContain(PostgresServerFixture.Password, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Uri.EscapeDataString(PostgresServerFixture.Password), text, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
