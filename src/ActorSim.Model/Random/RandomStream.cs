using System.Runtime.CompilerServices;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace ActorSim.Model.Random;

/// <summary>
/// A reproducible stream of random numbers: the xoshiro256** generator (Blackman and Vigna, 2018) whose
/// 256-bit state is filled by four outputs of SplitMix64 started at the stream's 64-bit key.
/// A root stream's key is its seed. A named child's key is
/// <c>mix(parentKey ^ mix(fnv1a64(utf8(name))))</c>, where <c>mix</c> is the SplitMix64 finaliser and
/// <c>fnv1a64</c> is 64-bit FNV-1a; it depends only on the parent's key and the name, never on
/// <see cref="string.GetHashCode()"/>, on draws already taken or on the order streams are created, so the
/// same seed and names give the same numbers on every machine and .NET version.
/// A stream is not thread-safe; give each consumer its own.
/// </summary>
public sealed class RandomStream
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private const ulong FnvOffset = 0xCBF29CE484222325UL;
    private const ulong FnvPrime = 0x00000100000001B3UL;
    private const double TwoPowMinus53 = 1.0 / 9007199254740992.0;
    private const double TwoPowMinus52 = 1.0 / 4503599627370496.0;

    private readonly ulong _key;
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    private RandomStream(ulong seed, ulong key, string name)
    {
        Seed = seed;
        _key = key;
        Name = name;
        ulong x = key;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>A stream with the given raw xoshiro256** state, for checking the generator against its reference.</summary>
    internal static RandomStream FromState(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        var stream = new RandomStream(0, 0, "state");
        stream._s0 = s0;
        stream._s1 = s1;
        stream._s2 = s2;
        stream._s3 = s3;
        return stream;
    }

    /// <summary>A stream that goes on from <paramref name="state"/> (<see cref="State"/> of another), for a snapshot's restore.</summary>
    internal static RandomStream Restore(string name, IReadOnlyList<ulong> state)
    {
        var stream = new RandomStream(0, 0, name);
        stream._s0 = state[0];
        stream._s1 = state[1];
        stream._s2 = state[2];
        stream._s3 = state[3];
        return stream;
    }

    /// <summary>The generator's 256-bit state now (four words), for a snapshot.</summary>
    internal ulong[] State => [_s0, _s1, _s2, _s3];

    /// <summary>The seed of the root stream this stream descends from.</summary>
    public ulong Seed { get; }

    /// <summary>The path of names from the root, joined with '/'; empty for a root stream.</summary>
    public string Name { get; }

    /// <summary>The 64-bit key that determines this stream's numbers.</summary>
    internal ulong Key => _key;

    /// <summary>Creates the root stream for <paramref name="seed"/>.</summary>
    public static RandomStream Create(ulong seed) => new(seed, seed, string.Empty);

    /// <summary>Creates the stream named <paramref name="name"/> under the root stream for <paramref name="seed"/>.</summary>
    public static RandomStream Create(ulong seed, string name) => Create(seed).Split(name);

    /// <summary>
    /// Derives the child stream named <paramref name="name"/> from this stream's key (not from its consumed
    /// state), so the same name always gives the same child whenever it is asked for.
    /// </summary>
    public RandomStream Split(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        ulong childKey = Mix(_key ^ Mix(Fnv1a64(name)));
        string path = Name.Length == 0 ? name : string.Concat(Name, "/", name);
        return new RandomStream(Seed, childKey, path);
    }

    /// <summary>The next 64 uniformly distributed bits.</summary>
    [MethodImpl(HotPath.Options)]
    public ulong NextUInt64()
    {
        ulong s1 = _s1;
        ulong result = BitOperations.RotateLeft(s1 * 5, 7) * 9;
        ulong t = s1 << 17;
        _s2 ^= _s0;
        _s3 ^= s1;
        _s1 = s1 ^ _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) built from the top 53 bits of <see cref="NextUInt64"/>.</summary>
    [MethodImpl(HotPath.Options)]
    public double NextDouble() => (NextUInt64() >> 11) * TwoPowMinus53;

    /// <summary>
    /// A uniform double in the open interval (0, 1), safe to pass to a logarithm: the top 52 bits plus one
    /// half, scaled by 2^-52, so the smallest value is 2^-53 and the largest 1 - 2^-53.
    /// </summary>
    [MethodImpl(HotPath.Options)]
    public double NextDoubleOpen() => ((NextUInt64() >> 12) + 0.5) * TwoPowMinus52;

    /// <summary>A uniform integer in [0, <paramref name="maxExclusive"/>) without bias (Lemire's method).</summary>
    public int NextInt(int maxExclusive)
    {
        if (maxExclusive <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxExclusive), maxExclusive,
                "NextInt needs an exclusive upper bound of at least 1.");
        }

        ulong n = (ulong)maxExclusive;
        ulong high = Math.BigMul(NextUInt64(), n, out ulong low);
        if (low < n)
        {
            ulong threshold = (0UL - n) % n;
            while (low < threshold)
            {
                high = Math.BigMul(NextUInt64(), n, out low);
            }
        }

        return (int)high;
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"RandomStream(seed {Seed}, '{Name}')");

    /// <summary>Advances a SplitMix64 state and returns its next output.</summary>
    internal static ulong SplitMix64(ref ulong state)
    {
        state += Golden;
        return Mix(state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong Fnv1a64(string name)
    {
        ulong hash = FnvOffset;
        foreach (byte b in Encoding.UTF8.GetBytes(name))
        {
            hash ^= b;
            hash *= FnvPrime;
        }

        return hash;
    }
}
