namespace ActorSim.Model.Records;

/// <summary>
/// An event key such as <c>task-17</c>, kept as a prefix and a number so producing a record formats no string.
/// A negative <see cref="Number"/> means the key is the prefix alone.
/// </summary>
/// <param name="Prefix">The text before the number, e.g. <c>task-</c>.</param>
/// <param name="Number">The number appended, or -1 for none.</param>
public readonly record struct RecordKey(string Prefix, long Number)
{
    /// <summary>A key that is a plain string.</summary>
    public static RecordKey Of(string key) => new(key, -1);

    /// <summary>The key as text, e.g. <c>task-17</c>.</summary>
    public override string ToString() => Number < 0 ? Prefix : string.Concat(Prefix, Number.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Writes the key as UTF-16 into <paramref name="destination"/>; false if it does not fit.</summary>
    public bool TryFormat(Span<char> destination, out int written)
    {
        written = 0;
        if (!Prefix.AsSpan().TryCopyTo(destination))
        {
            return false;
        }

        written = Prefix.Length;
        if (Number < 0)
        {
            return true;
        }

        if (!Number.TryFormat(destination[written..], out var digits, default, System.Globalization.CultureInfo.InvariantCulture))
        {
            return false;
        }

        written += digits;
        return true;
    }
}
