using ActorSim.Model.Text;

namespace ActorSim.Model.Tests.Text;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("", "abc", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("Line_A.arrival.standard.rate", "Line_A.arival.standard.rate", 1)]
    [InlineData("--durations", "--duration", 1)]
    public void Counts_the_insertions_deletions_and_substitutions_between_two_names(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Between(a, b));
        Assert.Equal(expected, EditDistance.Between(b, a));
    }

    [Fact]
    public void Letters_differing_only_in_case_count_unless_case_is_ignored()
    {
        Assert.Equal(2, EditDistance.Between("--Seed", "--seeD"));
        Assert.Equal(0, EditDistance.Between("--Seed", "--seeD", ignoreCase: true));
    }
}
