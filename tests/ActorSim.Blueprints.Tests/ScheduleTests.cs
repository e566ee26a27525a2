using ActorSim.Blueprints.Tests.Support;
using ActorSim.Model.Building;

namespace ActorSim.Blueprints.Tests;

public sealed class ScheduleTests : IDisposable
{
    private const string Line = """
        simulation: {sim_id: L, start: "2026-01-05T06:00:00"}
        services: {s: {dist: constant, value: 1}}
        resources: {r: {current_cap: 1}}
        tasks:
          part: {steps: [{resource: r, service: s}]}
          rush: {key_prefix: rush-, steps: [{resource: r, service: s}]}
        schedules:
          today: {csv: today.csv}
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("actorsim-schedule-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_example_schedule_line_should_load_the_releases_of_the_csv_beside_it()
    {
        var blueprint = BlueprintLoader.Load(Path.Combine(AppContext.BaseDirectory, "Data", "schedule-line.yaml"));

        var schedule = Assert.Single(blueprint.Model.Schedules);
        Assert.Equal("today", schedule.Name);
        Assert.Equal(51, schedule.Releases.Count);
        var first = schedule.Releases[0];
        Assert.Equal((0.0, "housing", "WO-1001"), (first.Time, first.Task, first.Key));
        Assert.Equal(["acme", 1], new object[] { first.Attributes!["customer"], first.Attributes["quantity"] });
        Assert.Equal("today.csv:2", first.Origin);
        var rush = schedule.Releases.Where(r => r.Time == 3 * 3600).ToArray();
        Assert.Equal(["housing", "bracket", "bracket", "bracket", "bracket", "bracket", "bracket", "bracket", "bracket"], rush.Select(r => r.Task));
        Assert.All(rush.Skip(1), r => Assert.Null(r.Key));
    }

    [Fact]
    public void Times_should_read_as_seconds_durations_or_timestamps_from_the_start_and_keep_file_order_at_equal_times()
    {
        var releases = Load("""
            time,task,key,colour
            90,part,a,"7"
            5 min,rush,,red
            2026-01-05T06:01:30,part,b,
            PT1M30S,rush,c,true
            2026-01-05T07:00:00Z,part,d,2.5
            """).Schedules[0].Releases;

        Assert.Equal(["90 part a", "90 part b", "90 rush c", "300 rush ", "3600 part d"], releases.Select(r => $"{r.Time} {r.Task} {r.Key}"));
        Assert.Equal("7", releases[0].Attributes!["colour"]);
        Assert.Null(releases[1].Attributes);
        Assert.Equal(true, releases[2].Attributes!["colour"]);
        Assert.Equal("red", releases[3].Attributes!["colour"]);
        Assert.Equal(2.5, releases[4].Attributes!["colour"]);
    }

    [Fact]
    public void A_release_of_an_unknown_task_should_be_refused_at_the_schedule_naming_the_row()
    {
        var error = LoadError("time,task\n0,part\n60,prat\n");

        Assert.Equal((8, 10, "schedules.today"), (error.Line, error.Column, error.KeyPath));
        Assert.Contains("today.csv:3: task: 'prat' is not a task of the line; tasks: part, rush", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("soon", "today.csv:3: time: 'soon' is not seconds")]
    [InlineData("", "today.csv:3: time: empty")]
    [InlineData("-5", "release 2 (today.csv:3): its time -5 is not a finite number of seconds at or after the run's start")]
    public void A_bad_time_should_be_refused_naming_the_row(string time, string expected)
    {
        var error = LoadError($"time,task\n0,part\n{time},part\n");

        Assert.Equal("schedules.today", error.KeyPath);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_keys_should_be_refused_naming_both_rows()
    {
        var error = LoadError("time,task,key\n0,part,A-1\n60,part,A-2\n120,rush,A-1\n");

        Assert.Contains("release 3 (today.csv:4): its key 'A-1' is already the key of release 1 (today.csv:2)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_column_should_be_refused_listing_the_columns()
    {
        var error = LoadError("when,task\n0,part\n");

        Assert.Contains("today.csv: no 'time' column; the columns are when, task", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_file_should_be_refused_at_its_key_naming_the_path()
    {
        var path = Path.Combine(_folder, "line.yaml");
        File.WriteAllText(path, Line);

        var error = Assert.Throws<BlueprintException>(() => BlueprintLoader.Load(path));

        Assert.Equal((8, 16, "schedules.today.csv"), (error.Line, error.Column, error.KeyPath));
        Assert.Contains($"cannot read the CSV file '{Path.Combine(_folder, "today.csv")}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_with_too_many_fields_should_be_refused_naming_its_line()
    {
        var error = LoadError("time,task\n0,part\n60,part,extra\n");

        Assert.Contains("today.csv:3: 3 fields where the header (today.csv:1) has 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_timestamp_without_a_start_should_be_refused()
    {
        File.WriteAllText(Path.Combine(_folder, "today.csv"), "time,task\n2026-01-05T07:00:00,part\n");
        var path = Path.Combine(_folder, "line.yaml");
        File.WriteAllText(path, Line.Replace(", start: \"2026-01-05T06:00:00\"", "", StringComparison.Ordinal));

        var error = Assert.Throws<BlueprintException>(() => BlueprintLoader.Load(path));

        Assert.Contains("today.csv:2: time: the timestamp 2026-01-05T07:00:00 needs simulation.start", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parquet_schedule_without_a_reader_for_it_should_say_what_reads_it()
    {
        var path = Path.Combine(_folder, "line.yaml");
        File.WriteAllText(path, Line.Replace("{csv: today.csv}", "{parquet: today.parquet}", StringComparison.Ordinal));

        var error = Assert.Throws<BlueprintException>(() => BlueprintLoader.Load(path));

        Assert.Equal("schedules.today.parquet", error.KeyPath);
        Assert.Contains("ScheduleSources", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_without_a_connection_should_be_refused()
    {
        var error = Yaml.Error(Line.Replace("{csv: today.csv}", "{query: \"SELECT 1\"}", StringComparison.Ordinal));

        Assert.Equal("schedules.today.connection", error.KeyPath);
    }

    [Fact]
    public void A_task_with_no_arrival_that_no_release_names_should_be_refused()
    {
        var error = LoadError("time,task\n0,part\n");

        Assert.Contains("Task 'rush' of line 'L' has no arrival, no link and no release in a schedule", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_injected_reader_should_read_the_sources_the_blueprint_names()
    {
        var reader = new FixedReader(new ScheduleTable(["TIME", "Task"], [new ScheduleRow("plan row 1", [3600L, "part"]), new ScheduleRow("plan row 2", [7200.5, "rush"])]));

        var blueprint = BlueprintLoader.LoadFromText(
            Line.Replace("{csv: today.csv}", "{query: \"SELECT * FROM plan\", connection: \"postgresql://u@h/db\"}", StringComparison.Ordinal),
            Path.Combine(_folder, "line.yaml"), new BlueprintOptions { Schedules = reader });

        Assert.Equal(new ScheduleSource(ScheduleSourceKind.Query, "SELECT * FROM plan", "postgresql://u@h/db", "query"), reader.Asked);
        Assert.Equal(["3600 part plan row 1", "7200.5 rush plan row 2"], blueprint.Model.Schedules[0].Releases.Select(r => $"{r.Time} {r.Task} {r.Origin}"));
    }

    private LineModel Load(string csv)
    {
        File.WriteAllText(Path.Combine(_folder, "today.csv"), csv);
        var path = Path.Combine(_folder, "line.yaml");
        File.WriteAllText(path, Line);
        return BlueprintLoader.Load(path).Model;
    }

    private BlueprintException LoadError(string csv) => Assert.Throws<BlueprintException>(() => Load(csv));

    private sealed class FixedReader(ScheduleTable table) : IScheduleSourceReader
    {
        public ScheduleSource? Asked { get; private set; }

        public ScheduleTable Read(ScheduleSource source)
        {
            Asked = source;
            return table;
        }
    }
}
