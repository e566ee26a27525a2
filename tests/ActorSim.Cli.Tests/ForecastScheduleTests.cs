using System.Text.Json.Nodes;
using ActorSim.Cli.Tests.Support;
using ActorSim.Egress.Tests.Support;

namespace ActorSim.Cli.Tests;

/// <summary><c>actorsim forecast --model</c> of a line fed by a production schedule: the schedule's releases are its arrivals.</summary>
public class ForecastScheduleTests
{
    [Fact]
    public async Task A_forecast_of_a_scheduled_line_counts_as_throughput_the_releases_that_finish_within_the_horizon()
    {
        // One machine, 10 minutes a task. Released at 0, 5, 10, 30, 45 and 50 minutes and at 1h15: they start at 0, 10,
        // 20, 30, 45 and 55 minutes, so five finish within the hour (the last at 55 min); the sixth is in service at the
        // horizon and the seventh is not released yet. Constant service: every replication is the same.
        using var folder = new TempDirectory();
        await File.WriteAllTextAsync(folder.Sub("line.yaml"), """
            simulation: {sim_id: S, seed: 1, start: "2026-01-05T06:00:00"}
            services: {work: {dist: constant, value: 600}}
            resources: {m: {current_cap: 1}}
            tasks: {job: {steps: [{resource: m, service: work}]}}
            schedules: {today: {csv: today.csv}}
            """);
        await File.WriteAllTextAsync(folder.Sub("today.csv"), """
            time,task,key
            2026-01-05T06:00:00,job,WO-1
            5 min,job,WO-2
            600,job,
            2026-01-05T06:30:00,job,
            PT45M,job,WO-5
            3000,job,WO-6
            2026-01-05T07:15:00,job,WO-7
            """);

        var (code, output, error) = await ActorsimCommand.RunAsync(
            ["forecast", "--model", folder.Sub("line.yaml"), "--horizon", "1 hour", "--replications", "4", "--out", folder.Sub("fc")]);

        Assert.True(code == 0, error);
        var kpis = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder.Sub("fc"), "summary.json")))!["kpis"]!;
        Assert.Equal((4, 5.0, 5.0, 5.0), (kpis["throughput"]!["n"]!.GetValue<int>(), kpis["throughput"]!["mean"]!.GetValue<double>(),
            kpis["throughput"]!["min"]!.GetValue<double>(), kpis["throughput"]!["max"]!.GetValue<double>()));
        Assert.Equal(1.0, kpis["wip_end"]!["mean"]!.GetValue<double>());
        // Waits: 0, 5, 10, 0, 0 and 5 minutes over the six tasks that started.
        Assert.Equal(1200.0 / 6, kpis["wait_mean"]!["mean"]!.GetValue<double>(), 9);
        Assert.Contains("throughput", output);
    }

    [Fact]
    public async Task The_example_schedule_line_forecasts_from_its_csv()
    {
        using var folder = new TempDirectory();
        var model = Path.Combine(AppContext.BaseDirectory, "Data", "schedule-line.yaml");

        var (code, output, error) = await ActorsimCommand.RunAsync(
            ["forecast", "--model", model, "--horizon", "8 hours", "--replications", "5", "--alert", "Line_S.mill.queue>4", "--out", folder.Sub("fc")]);

        Assert.True(code == 0, error);
        var throughput = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder.Sub("fc"), "summary.json")))!["kpis"]!["throughput"]!;
        Assert.InRange(throughput["max"]!.GetValue<double>(), 30, 51);
        Assert.Contains("Line_S.mill: queue > 4", output);
    }

    [Fact]
    public async Task A_schedule_naming_an_unknown_task_is_a_usage_error_naming_the_row()
    {
        using var folder = new TempDirectory();
        await File.WriteAllTextAsync(folder.Sub("line.yaml"), """
            simulation: {sim_id: S}
            services: {work: {dist: constant, value: 600}}
            resources: {m: {current_cap: 1}}
            tasks: {job: {steps: [{resource: m, service: work}]}}
            schedules: {today: {csv: today.csv}}
            """);
        await File.WriteAllTextAsync(folder.Sub("today.csv"), "time,task\n0,job\n60,jbo\n");

        var (code, _, error) = await ActorsimCommand.RunAsync(["forecast", "--model", folder.Sub("line.yaml"), "--replications", "2", "--out", folder.Sub("fc")]);

        Assert.Equal(2, code);
        Assert.Contains("line.yaml:5:20: schedules.today: today.csv:3: task: 'jbo' is not a task of the line; tasks: job.", error);
    }
}
