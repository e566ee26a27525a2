using ActorSim.Blueprints.Tests.Support;

namespace ActorSim.Blueprints.Tests;

public class PlantDetectionTests
{
    [Theory]
    [InlineData("lines:\n  A: {}\n")]
    [InlineData("\"lines\":\n  A: {}\n")]
    [InlineData("'lines':\n  A: {}\n")]
    [InlineData("{simulation: {seed: 1}, lines: {A: {}}}\n")]
    [InlineData("# comment\n---\nsimulation: {seed: 1}\n# lines below\nlines: {A: {}}\n")]
    public void IsPlantText_should_find_a_top_level_lines_key_however_written(string yaml) =>
        Assert.True(BlueprintLoader.IsPlantText(yaml));

    [Theory]
    [InlineData(Yaml.Minimal)]
    [InlineData("simulation: {sim_id: L}\n# lines: a comment is no key\n")]
    [InlineData("simulation: {sim_id: L, lines: 3}\n")]
    [InlineData("lines: [unclosed\n")]
    [InlineData("")]
    public void IsPlantText_should_be_false_for_a_line_or_text_that_is_not_yaml(string yaml) =>
        Assert.False(BlueprintLoader.IsPlantText(yaml));

    [Fact]
    public void A_tab_in_the_indentation_should_be_reported_at_its_line_and_column()
    {
        var error = Yaml.Error("simulation:\n  sim_id: L\narrivals:\n  a: {dist: exponential, rate: 1}\nservices:\n\ts: {dist: constant, value: 1}\n");

        Yaml.AssertAt(error, 6, 1, "", "a tab indents this line");
    }
}
