using System.Runtime.CompilerServices;

namespace ActorSim.Egress.Writers;

/// <summary>
/// UTF-8 text kept in an array of at least <see cref="Block"/> bytes, so that a short text is copied as one fixed-size
/// block (a couple of vector moves) rather than through a length-dependent copy.
/// </summary>
internal sealed class PaddedUtf8
{
    /// <summary>The block a short text is copied in; a copy may write this many bytes past the destination's start.</summary>
    public const int Block = 32;

    private readonly byte[] _bytes;

    public PaddedUtf8(ReadOnlySpan<byte> text)
    {
        _bytes = new byte[Math.Max(Block, text.Length)];
        text.CopyTo(_bytes);
        Length = text.Length;
    }

    /// <summary>The text's length in bytes.</summary>
    public int Length { get; }

    /// <summary>Copies the text to the start of <paramref name="destination"/> (at least max(<see cref="Length"/>, <see cref="Block"/>) bytes); returns its length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int CopyTo(Span<byte> destination)
    {
        if (Length <= Block)
        {
            _bytes.AsSpan(0, Block).CopyTo(destination);
        }
        else
        {
            _bytes.AsSpan().CopyTo(destination);
        }

        return Length;
    }
}
