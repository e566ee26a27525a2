using System.Text;
using ActorSim.Egress.Formatting;

namespace ActorSim.Egress.Tests;

public class RecordTimeTests
{
    [Theory]
    [InlineData(1.2024999, 1.202)]
    [InlineData(1.2025001, 1.203)]
    [InlineData(0.0004, 0.0)]
    [InlineData(604_799.9996, 604_800.0)]
    public void SimTs_should_round_to_milliseconds(double simTime, double expected)
    {
        Assert.Equal(expected, RecordTime.SimTs(simTime));
    }

    [Fact]
    public void Timestamp_should_be_start_plus_sim_ts_keeping_the_kind()
    {
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        var at = RecordTime.Timestamp(start, 1.2024);

        Assert.Equal(start.AddMilliseconds(1202), at);
        Assert.Equal(DateTimeKind.Utc, at.Kind);
    }

    [Theory]
    [InlineData(1202, "1.202")]
    [InlineData(1200, "1.2")]
    [InlineData(1010, "1.01")]
    [InlineData(5000, "5.0")]
    [InlineData(0, "0.0")]
    [InlineData(7, "0.007")]
    [InlineData(-1500, "-1.5")]
    [InlineData(604_800_000, "604800.0")]
    public void SimTs_text_should_match_python_float_repr(long milliseconds, string expected)
    {
        Span<byte> text = stackalloc byte[24];

        var length = SimTsFormatter.Format(milliseconds, text);

        Assert.Equal(expected, Encoding.UTF8.GetString(text[..length]));
    }

    [Fact]
    public void Timestamp_text_should_roll_over_minutes_days_and_years()
    {
        var formatter = new TimestampFormatter(new DateTime(2026, 12, 31, 23, 59, 0, DateTimeKind.Unspecified));

        Assert.Equal("2026-12-31T23:59:59.999", Encoding.UTF8.GetString(formatter.Format(59.999)));
        Assert.Equal("2027-01-01T00:00:00.000", Encoding.UTF8.GetString(formatter.Format(60.0)));
        Assert.Equal("2026-12-31T23:59:00.001", Encoding.UTF8.GetString(formatter.Format(0.0006)));
    }
}
