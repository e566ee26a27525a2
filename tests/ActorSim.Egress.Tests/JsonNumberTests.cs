using System.Buffers;
using System.Text;
using System.Text.Json;
using ActorSim.Egress.Writers;

namespace ActorSim.Egress.Tests;

/// <summary><see cref="JsonNumber"/> against <see cref="Utf8JsonWriter.WriteNumberValue(double)"/>.</summary>
public class JsonNumberTests
{
    [Fact]
    public void JsonNumber_should_write_finite_doubles_like_Utf8JsonWriter()
    {
        var random = new Random(5);
        var values = new List<double> { 0, -0.0, 1, -1, 0.5, 1e14, 1e15, -1e15, 1e15 - 1, -(1e15 - 1), 1e15 + 2, 1e16, 1e21, 1e-7, double.MaxValue, double.MinValue, double.Epsilon };
        for (var i = 0; i < 100_000; i++)
        {
            values.Add(random.Next(6) switch
            {
                0 => random.NextInt64(-1_000_000_000_000_000, 1_000_000_000_000_000),
                1 => random.Next(-100_000, 100_000),
                2 => Math.Pow(10, random.Next(-20, 25)) * (random.Next(2) == 0 ? 1 : -1),
                3 => random.Next(-100_000, 100_000) / 4.0,
                4 => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-10, 20)),
                _ => BitConverter.Int64BitsToDouble(random.NextInt64()),
            });
        }

        var buffer = new ArrayBufferWriter<byte>();
        using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
        Span<byte> actual = stackalloc byte[32];
        foreach (var value in values.Where(double.IsFinite))
        {
            buffer.ResetWrittenCount();
            json.Reset();
            json.WriteNumberValue(value);
            json.Flush();

            Assert.Equal(Encoding.ASCII.GetString(buffer.WrittenSpan), Encoding.ASCII.GetString(actual[..JsonNumber.Write(value, actual)]));
        }
    }
}
