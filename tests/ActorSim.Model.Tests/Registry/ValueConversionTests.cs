using System.Text.Json;
using ActorSim.Model.Registry;

namespace ActorSim.Model.Tests.Registry;

/// <summary>Every source type each target type accepts or refuses, and the reasons given.</summary>
public class ValueConversionTests
{
    public static TheoryData<object, ParameterType, object> Converted => new()
    {
        { (sbyte)-3, ParameterType.Int, -3L },
        { (byte)3, ParameterType.Int, 3L },
        { (short)-300, ParameterType.Int, -300L },
        { (ushort)300, ParameterType.Int, 300L },
        { 7, ParameterType.Int, 7L },
        { 7u, ParameterType.Int, 7L },
        { 7L, ParameterType.Int, 7L },
        { (sbyte)-3, ParameterType.Double, -3.0 },
        { (byte)3, ParameterType.Double, 3.0 },
        { (short)-300, ParameterType.Double, -300.0 },
        { (ushort)300, ParameterType.Double, 300.0 },
        { 7u, ParameterType.Double, 7.0 },
        { ulong.MaxValue, ParameterType.Double, 18446744073709551615.0 },
        { 2.5f, ParameterType.Double, 2.5 },
        { 2.5m, ParameterType.Double, 2.5 },
        { true, ParameterType.String, "True" },
        { (sbyte)-3, ParameterType.String, "-3" },
        { (byte)3, ParameterType.String, "3" },
        { (short)-300, ParameterType.String, "-300" },
        { (ushort)300, ParameterType.String, "300" },
        { 2.5, ParameterType.String, "2.5" },
        { 2.5m, ParameterType.String, "2.5" },
        { ulong.MaxValue, ParameterType.String, "18446744073709551615" },
        { "  text  ", ParameterType.String, "text" },
        { false, ParameterType.Bool, false },
    };

    public static TheoryData<object?, ParameterType, string> Refused => new()
    {
        { null, ParameterType.Int, "a value is required (null given)" },
        { true, ParameterType.Int, "a true/false value cannot become a whole number" },
        { true, ParameterType.Double, "a true/false value cannot become a number" },
        { 1, ParameterType.Bool, "a Int32 cannot become true/false" },
        { double.NaN, ParameterType.Int, "NaN is not a finite number" },
        { double.PositiveInfinity, ParameterType.Int, "Infinity is not a finite number" },
        { 2.5m, ParameterType.Int, "2.5 is not a whole number" },
        { 2.5f, ParameterType.Int, "2.5 is not a whole number" },
        { DateTime.UnixEpoch, ParameterType.String, "a DateTime cannot become text" },
        { DateTime.UnixEpoch, ParameterType.Int, "a DateTime cannot become a whole number" },
        { DateTime.UnixEpoch, ParameterType.Double, "a DateTime cannot become a number" },
        { "1e400", ParameterType.Double, "Infinity is not a finite number" },
    };

    [Theory]
    [MemberData(nameof(Converted))]
    public void TryConvert_should_convert_a_value_of_another_type_without_loss(object value, ParameterType type, object expected)
    {
        var problem = ValueConversion.TryConvert(value, type, out var converted);

        Assert.Null(problem);
        Assert.Equal(expected, converted);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void TryConvert_should_refuse_a_lossy_conversion_with_its_reason(object? value, ParameterType type, string reason)
    {
        var problem = ValueConversion.TryConvert(value, type, out _);

        Assert.Equal(reason, problem);
    }

    [Theory]
    [InlineData("""{"v": true}""", ParameterType.Bool, true)]
    [InlineData("""{"v": false}""", ParameterType.Bool, false)]
    [InlineData("""{"v": "true"}""", ParameterType.Bool, true)]
    [InlineData("""{"v": 7}""", ParameterType.Int, 7L)]
    [InlineData("""{"v": 2.5}""", ParameterType.Double, 2.5)]
    [InlineData("""{"v": [1, 2]}""", ParameterType.String, "[1, 2]")]
    public void TryConvert_should_unwrap_a_json_value(string json, ParameterType type, object expected)
    {
        using var document = JsonDocument.Parse(json);

        var problem = ValueConversion.TryConvert(document.RootElement.GetProperty("v"), type, out var converted);

        Assert.Null(problem);
        Assert.Equal(expected, converted);
    }

    [Fact]
    public void TryConvert_should_refuse_a_json_null()
    {
        using var document = JsonDocument.Parse("""{"v": null}""");

        Assert.Equal("a value is required (null given)", ValueConversion.TryConvert(document.RootElement.GetProperty("v"), ParameterType.Double, out _));
    }

    [Theory]
    [InlineData(true, ParameterType.Bool)]
    [InlineData((sbyte)1, ParameterType.Int)]
    [InlineData((byte)1, ParameterType.Int)]
    [InlineData((short)1, ParameterType.Int)]
    [InlineData((ushort)1, ParameterType.Int)]
    [InlineData(1, ParameterType.Int)]
    [InlineData(1u, ParameterType.Int)]
    [InlineData(1L, ParameterType.Int)]
    [InlineData(1f, ParameterType.Double)]
    [InlineData(1.0, ParameterType.Double)]
    [InlineData("x", ParameterType.String)]
    public void TypeOfVariable_should_give_the_type_of_the_initial_value(object value, ParameterType expected)
    {
        Assert.Equal(expected, ValueConversion.TypeOfVariable("L.variables.v", value));
    }

    [Fact]
    public void TypeOfVariable_should_refuse_an_unsupported_value_naming_the_variable_and_the_types()
    {
        var error = Assert.Throws<ArgumentException>(() => ValueConversion.TypeOfVariable("L.variables.when", DateTime.UnixEpoch));

        Assert.Equal("Variable 'L.variables.when' has a value of type DateTime; variables hold bool, int, long, double or string.", error.Message);
    }
}
