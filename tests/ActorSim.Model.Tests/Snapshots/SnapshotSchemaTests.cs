using System.Text.Json.Nodes;
using ActorSim.Engine;
using ActorSim.Model.Building;
using ActorSim.Model.Plants;
using ActorSim.Model.Random;
using ActorSim.Model.Records;
using ActorSim.Model.Snapshots;
using Json.Schema;

namespace ActorSim.Model.Tests.Snapshots;

/// <summary>The JSON Schema shipped in schemas/ describes what ActorSim writes, and refuses what it would refuse.</summary>
public sealed class SnapshotSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "Data", "snapshot.v1.schema.json"));

    [Fact]
    public void An_exact_snapshot_written_by_ActorSim_is_valid_against_the_shipped_schema()
    {
        using var document = System.Text.Json.JsonDocument.Parse(SnapshotJson.Write(TakeLineA(1800)));

        var result = Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public void An_exact_snapshot_of_a_line_with_production_schedules_is_valid_against_the_shipped_schema()
    {
        var model = ActorSim.Model.Tests.Building.ScheduleSnapshotLines.Mixed();
        var simulation = new Simulation(0, new DateTime(2026, 1, 1));
        var line = model.Start(simulation, NullRecordSink.Instance, RandomStream.Create(42, model.SimId));
        simulation.RunUntil(1800);
        var json = SnapshotJson.Write(SnapshotCapture.Take(new PlantBuilder().AddLine(model).Build(), "Line_S", [line], 42));
        using var document = System.Text.Json.JsonDocument.Parse(json);

        var result = Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.Contains("\"schedules\"", json, StringComparison.Ordinal);
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Theory]
    [InlineData("kind", "\"guessed\"")]
    [InlineData("as_of", "-1")]
    [InlineData("colour", "\"red\"")]
    public void The_schema_refuses_a_document_ActorSim_refuses(string property, string value)
    {
        var document = JsonNode.Parse(SnapshotJson.Write(TakeLineA(600)))!.AsObject();
        document[property] = JsonNode.Parse(value);

        using var parsed = System.Text.Json.JsonDocument.Parse(document.ToJsonString());
        Assert.False(Schema.Evaluate(parsed.RootElement).IsValid);
        Assert.Throws<SnapshotException>(() =>
        {
            var snapshot = SnapshotJson.Read(document.ToJsonString(), "broken.json");
            SnapshotValidator.Check(snapshot, Plant(), "broken.json");
        });
    }

    private static ModelSnapshot TakeLineA(double at)
    {
        var simulation = new Simulation(0, new DateTime(2026, 1, 1));
        var line = ReferenceModels.LineA().Start(simulation, NullRecordSink.Instance, RandomStream.Create(42, "Line_A"));
        simulation.RunUntil(at);
        return SnapshotCapture.Take(Plant(), "Line_A", [line], 42);
    }

    private static PlantModel Plant() => new PlantBuilder().AddLine(ReferenceModels.LineA()).Build();
}
