using System.Text.Json;
using ActorSim.Model.Registry;
using ActorSim.Model.Tests.Support;

namespace ActorSim.Model.Tests.Registry;

/// <summary>Updates of a whole-number path (64-bit) from text, fractions-free floating point and unsigned values.</summary>
public class WholeNumberConversionTests
{
    private const string Batch = "Line_A.variables.batch";
    private const string Capacity = "Line_A.resources.lathe.current_cap";

    public static TheoryData<object, long> Accepted => new()
    {
        { "5.0", 5L },
        { " 5.0 ", 5L },
        { "5e0", 5L },
        { "-3.0", -3L },
        { 5.0f, 5L },
        { 5.0m, 5L },
        { (ulong)long.MaxValue, long.MaxValue },
        { 9223372036854775807m, long.MaxValue },
        { -9223372036854775808m, long.MinValue },
        { -9223372036854775808.0, long.MinValue },
        { "9223372036854775807", long.MaxValue },
        { (uint)7, 7L },
    };

    public static TheoryData<object, string> OutOfRange => new()
    {
        { ulong.MaxValue, "18446744073709551615" },
        { (ulong)long.MaxValue + 1, "9223372036854775808" },
        { 9223372036854775808.0, "9.223372036854776E+18" },
        { "9223372036854775808", "9.223372036854776E+18" },
        { -9223372036854777856.0, "-9.223372036854778E+18" },
        { 9223372036854775808m, "9223372036854775808" },
        { 1e300, "1E+300" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Update_of_a_whole_number_should_accept_a_value_without_a_fraction(object value, long expected)
    {
        var registry = Lines.Registry();

        registry.Update(Batch, value);

        Assert.Equal(expected, registry.Get(Batch));
    }

    [Fact]
    public void Update_of_a_capacity_to_the_text_5_point_0_should_set_5()
    {
        var registry = Lines.Registry();

        registry.Update(Capacity, "5.0");

        Assert.Equal(5L, registry.Get(Capacity));
    }

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void Update_of_a_whole_number_should_refuse_a_value_beyond_64_bits_naming_path_and_range(object value, string shown)
    {
        var registry = Lines.Registry();

        var error = Assert.Throws<RegistryException>(() => registry.Update(Batch, value));

        Assert.Equal(Batch, error.Path);
        Assert.StartsWith($"Update of '{Batch}' to ", error.Message);
        Assert.Contains($"refused: {shown} lies outside the whole-number range (64-bit: -9223372036854775808 to 9223372036854775807).", error.Message);
        Assert.Equal(12L, registry.Get(Batch));
    }

    [Theory]
    [InlineData("5.5", "5.5 is not a whole number")]
    [InlineData(5.5, "5.5 is not a whole number")]
    [InlineData("five", "the text \"five\" is not a whole number")]
    public void Update_of_a_whole_number_should_refuse_a_fraction_or_text(object value, string rule)
    {
        var registry = Lines.Registry();

        var error = Assert.Throws<RegistryException>(() => registry.Update(Batch, value));

        Assert.Contains($"Update of '{Batch}' to ", error.Message);
        Assert.Contains(rule, error.Message);
        Assert.Equal(12L, registry.Get(Batch));
    }

    [Fact]
    public void External_update_with_a_json_number_beyond_64_bits_should_be_refused_and_leave_the_value()
    {
        var registry = Lines.Registry();
        using var json = JsonDocument.Parse("""{"v": 18446744073709551615}""");

        var outcome = registry.ApplyExternal(Batch, json.RootElement.GetProperty("v"));

        Assert.Equal(RegistryUpdateOutcome.Refused, outcome);
        Assert.Equal(12L, registry.Get(Batch));
    }

    [Fact]
    public void Update_of_a_whole_number_with_a_json_number_written_with_a_fraction_of_zero_should_accept_it()
    {
        var registry = Lines.Registry();
        using var json = JsonDocument.Parse("""{"v": 5.0}""");

        registry.Update(Batch, json.RootElement.GetProperty("v"));

        Assert.Equal(5L, registry.Get(Batch));
    }
}
