using System.Buffers.Text;

namespace ActorSim.Egress.Writers;

/// <summary>
/// A finite double as <see cref="System.Text.Json.Utf8JsonWriter"/> writes it (shortest round-trip text), with whole
/// numbers below 10^15, which that text prints as plain digits, written as integers without the general algorithm.
/// </summary>
internal static class JsonNumber
{
    private const double PlainLimit = 1e15;

    /// <summary>Writes finite <paramref name="value"/> into <paramref name="destination"/> (at least 32 bytes); returns the length.</summary>
    public static int Write(double value, Span<byte> destination)
    {
        int written;
        if (Math.Abs(value) < PlainLimit && value == Math.Floor(value) && (value != 0 || !double.IsNegative(value)))
        {
            Utf8Formatter.TryFormat((long)value, destination, out written);
        }
        else
        {
            Utf8Formatter.TryFormat(value, destination, out written);
        }

        return written;
    }
}
