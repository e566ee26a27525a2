using System.Globalization;
using System.Text;
using ActorSim.Egress.Formatting;
using ActorSim.Egress.Writers;

namespace ActorSim.Egress.Tests;

/// <summary>The fast time formatting paths against their plain definitions.</summary>
public class TimeFormattingEquivalenceTests
{
    [Fact]
    public void SimMilliseconds_should_equal_rounding_sim_ts_then_its_milliseconds()
    {
        var random = new Random(7);
        var values = new List<double>
        {
            0, -0.0, 0.0005, 0.0015, 0.0025, -0.0005, 1.2025, 1.0005, 604_799.9996, 1e12 - 0.0005, 1e12, -1e12, 1e12 + 0.5,
            1e15, 1e16, 1e17, 1e300, double.MaxValue, double.MinValue, double.Epsilon, double.NaN,
            double.PositiveInfinity, double.NegativeInfinity,
        };
        for (var i = 0; i < 200_000; i++)
        {
            values.Add(random.Next(5) switch
            {
                0 => ((random.NextInt64(-2_000_000_000_000, 2_000_000_000_000) * 2) + 1) / 2000.0,
                1 => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-6, 20)),
                2 => random.Next(10_000_000) / 1000.0,
                3 => BitConverter.Int64BitsToDouble(random.NextInt64()),
                _ => Math.BitIncrement(random.Next(100_000) / 1000.0) * (random.Next(2) == 0 ? 1 : -1),
            });
        }

        foreach (var value in values)
        {
            var expected = (long)Math.Round(Math.Round(value, 3, MidpointRounding.ToEven) * 1000.0, MidpointRounding.ToEven);
            Assert.True(expected == RecordTime.SimMilliseconds(value), $"{value:R}");
        }
    }

    [Fact]
    public void SimTsWriter_should_write_like_SimTsFormatter()
    {
        var random = new Random(11);
        var writer = new SimTsWriter();
        var milliseconds = 0L;
        Span<byte> expected = stackalloc byte[24];
        Span<byte> actual = stackalloc byte[SimTsWriter.Room];
        for (var i = 0; i < 100_000; i++)
        {
            milliseconds = random.Next(10) switch
            {
                0 => random.NextInt64(-5000, 5000),
                1 => random.NextInt64(long.MinValue + 1, long.MaxValue),
                2 => long.MaxValue,
                _ => milliseconds + random.Next(-10, 1500),
            };
            var length = SimTsFormatter.Format(milliseconds, expected);

            Assert.Equal(Encoding.ASCII.GetString(expected[..length]), Encoding.ASCII.GetString(actual[..writer.Write(milliseconds, actual)]));
        }
    }

    [Theory]
    [InlineData(DateTimeKind.Unspecified, 0)]
    [InlineData(DateTimeKind.Utc, 0)]
    [InlineData(DateTimeKind.Local, 0)]
    [InlineData(DateTimeKind.Unspecified, 5_000)]
    [InlineData(DateTimeKind.Utc, 123_456_789)]
    [InlineData(DateTimeKind.Local, 9_999)]
    public void Timestamp_writes_should_match_DateTime_formatting(DateTimeKind kind, long startTicks)
    {
        var start = new DateTime(new DateTime(2026, 12, 31, 23, 58, 59).Ticks + startTicks, kind);
        var random = new Random(3);
        var formatter = new TimestampFormatter(start);
        var milliseconds = 0L;
        Span<byte> actual = stackalloc byte[TimestampFormatter.MaxLength];
        for (var i = 0; i < 50_000; i++)
        {
            milliseconds = random.Next(10) == 0 ? random.NextInt64(-100_000_000, 100_000_000) : milliseconds + random.Next(-100, 2000);
            var expected = JsonValues.FormatDateTime(start.AddTicks(milliseconds * TimeSpan.TicksPerMillisecond));

            Assert.Equal(expected, Encoding.ASCII.GetString(actual[..formatter.Write(milliseconds, actual)]));
            Assert.Equal(expected, Encoding.ASCII.GetString(formatter.Format(milliseconds / 1000.0)));
        }
    }

    [Fact]
    public void Fraction_table_should_print_milliseconds_like_python()
    {
        var writer = new SimTsWriter();
        Span<byte> text = stackalloc byte[SimTsWriter.Room];
        for (var ms = 0; ms < 1000; ms++)
        {
            var expected = (ms / 1000.0 + 7).ToString("0.0##", CultureInfo.InvariantCulture);

            Assert.Equal(expected, Encoding.ASCII.GetString(text[..writer.Write(7000 + ms, text)]));
        }
    }
}
