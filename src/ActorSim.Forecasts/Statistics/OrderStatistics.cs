namespace ActorSim.Forecasts.Statistics;

/// <summary>
/// Percentiles of an unsorted sample found by selection (Hoare's quickselect) in linear expected time, for the
/// per-replication waits where sorting tens of thousands of values cost more than the rest of the measuring.
/// </summary>
public static class OrderStatistics
{
    /// <summary>
    /// The <paramref name="p"/>-percentile (type 7, as <see cref="Percentile.Of"/>) of <paramref name="values"/>, a
    /// non-empty sample in any order; reorders <paramref name="values"/>. Equal to sorting and taking
    /// <see cref="Percentile.Of"/>, bit for bit.
    /// </summary>
    public static double Percentile(Span<double> values, double p)
    {
        var (below, fraction) = Statistics.Percentile.Position(values.Length, p);
        var low = Select(values, below);
        if (below + 1 >= values.Length)
        {
            return low;
        }

        // After selecting, everything right of `below` is at least as large: the next order statistic is their minimum.
        var high = values[below + 1];
        foreach (var v in values[(below + 2)..])
        {
            high = Math.Min(high, v);
        }

        return low + (fraction * (high - low));
    }

    /// <summary>
    /// Puts the <paramref name="k"/>-th smallest value (from 0) at index k, the smaller ones before it and the larger
    /// ones after it, and returns it. NaN is not allowed in <paramref name="values"/>.
    /// </summary>
    public static double Select(Span<double> values, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(k, values.Length);
        var (left, right) = (0, values.Length - 1);
        while (right > left)
        {
            if (right - left < 16)
            {
                values[left..(right + 1)].Sort();
                return values[k];
            }

            var pivot = MedianOfThree(values[left], values[left + ((right - left) / 2)], values[right]);
            var (i, j) = (left, right);
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            // Now values[left..j] ≤ pivot ≤ values[i..right], and values between j and i equal the pivot.
            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                return values[k];
            }
        }

        return values[k];
    }

    private static double MedianOfThree(double a, double b, double c) =>
        a < b ? (b < c ? b : Math.Max(a, c)) : (a < c ? a : Math.Max(b, c));
}
