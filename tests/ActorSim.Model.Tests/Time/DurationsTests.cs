using ActorSim.Model.Time;

namespace ActorSim.Model.Tests.Time;

public class DurationsTests
{
    public static TheoryData<string, double> Valid => new()
    {
        { "30 s", 30 }, { "1sec", 1 }, { "2 secs", 2 }, { "1 second", 1 }, { "45 seconds", 45 },
        { "5m", 300 }, { "5 min", 300 }, { "2 mins", 120 }, { "1 minute", 60 }, { "10 minutes", 600 },
        { "8h", 28800 }, { "1 hr", 3600 }, { "2 hrs", 7200 }, { "1 hour", 3600 }, { "1.5 hours", 5400 },
        { "1d", 86400 }, { "1 day", 86400 }, { "2 days", 172800 },
        { "1w", 604800 }, { "1 wk", 604800 }, { "2 wks", 1209600 }, { "1 week", 604800 }, { "2 weeks", 1209600 },
        { "1mo", 2592000 }, { "1 month", 2592000 }, { "3 months", 7776000 },
        { "1y", 31536000 }, { "1 yr", 31536000 }, { "2 yrs", 63072000 }, { "1 year", 31536000 }, { "2 years", 63072000 },
        { "  7  DAYS  ", 604800 }, { "1 Week", 604800 }, { "0 s", 0 }, { "0.25s", 0.25 },
        { "90", 90 }, { " 2.5 ", 2.5 }, { "0", 0 },
        { "PT8H", 28800 }, { "P1DT2H30M", 95400 }, { "PT0.5S", 0.5 }, { "P1W", 604800 }, { "PT90M", 5400 },
        { "P1Y", 31536000 }, { "P2M", 5184000 }, { "P1Y2M3DT4H5M6S", 31536000 + 5184000 + 259200 + 14400 + 300 + 6 },
        { "pt1h", 3600 }, { " PT1S ", 1 },
    };

    public static TheoryData<string> Invalid => new()
    {
        "", "   ", "s", "abc", "-5 s", "+5 s", "5 fortnights", "5 s s", "1e3", ".5 s", "5. s", "1,5 h", "5 µs",
        "P", "PT", "P1DT", "P1H", "PT1D", "-PT1H", "P1.5", "1 day 2 hours", "½ h", "١ s",
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void ParseSeconds_should_read_every_accepted_form(string text, double seconds)
    {
        Assert.Equal(seconds, Durations.ParseSeconds(text));
        Assert.True(Durations.TryParseSeconds(text, out double parsed));
        Assert.Equal(seconds, parsed);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void ParseSeconds_should_refuse_other_text_quoting_it_and_listing_the_forms(string text)
    {
        var error = Assert.Throws<FormatException>(() => Durations.ParseSeconds(text));

        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"30 s\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("months", error.Message, StringComparison.Ordinal);
        Assert.Contains("ISO-8601", error.Message, StringComparison.Ordinal);
        Assert.False(Durations.TryParseSeconds(text, out double parsed));
        Assert.Equal(0, parsed);
    }

    [Fact]
    public void TryParseSeconds_should_refuse_null()
    {
        Assert.False(Durations.TryParseSeconds(null, out _));
        Assert.Throws<ArgumentNullException>(() => Durations.ParseSeconds(null!));
    }

    [Fact]
    public void ParseSeconds_should_refuse_a_number_too_large_for_a_double()
    {
        string huge = new('9', 400);

        Assert.Throws<FormatException>(() => Durations.ParseSeconds(huge + " years"));
    }
}
