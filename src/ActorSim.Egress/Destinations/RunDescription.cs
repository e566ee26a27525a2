using System.Globalization;
using System.Security.Cryptography;

namespace ActorSim.Egress.Destinations;

/// <summary>What a manifest says about a run besides its chunks: its id, the model and the settings it ran with.</summary>
/// <param name="RunId">Unique id, e.g. <c>20261204T170102Z-3fa9c1</c> (see <see cref="NewRunId"/>).</param>
/// <param name="Model">The model's name (the line's sim id, or the plant's blueprint file).</param>
/// <param name="ModelDefinition">What defines the model, for its hash: the blueprint's bytes, or the built-in model's name.</param>
/// <param name="Seed">The random seed.</param>
/// <param name="Start">The logical start.</param>
/// <param name="DurationSeconds">Simulated seconds.</param>
/// <param name="Engine">The engine that ran it (<c>actors</c>, <c>reference</c>, <c>windowed</c>).</param>
public sealed record RunDescription(string RunId, string Model, ReadOnlyMemory<byte> ModelDefinition, ulong Seed, DateTime Start, double DurationSeconds, string Engine)
{
    /// <summary>
    /// The manifest's model hash (<see cref="HashOf"/> of <see cref="ModelDefinition"/>), computed when the manifest is
    /// written: the crypto library it loads costs a fresh process tens of milliseconds, better spent after the run.
    /// </summary>
    public string ModelHash => HashOf(ModelDefinition.Span);

    /// <summary>
    /// A new run id: the UTC wall-clock second it started and six random hex digits, so ids sort by start and two runs
    /// started in one second differ (not a secret: <see cref="Random.Shared"/>, which needs no crypto library loaded).
    /// </summary>
    public static string NewRunId() =>
        DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Random.Shared.Next(1 << 24).ToString("x6", CultureInfo.InvariantCulture);

    /// <summary>The model hash of a definition: <c>sha256:</c> and the lowercase hex digest of <paramref name="definition"/>.</summary>
    public static string HashOf(ReadOnlySpan<byte> definition) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(definition));
}
