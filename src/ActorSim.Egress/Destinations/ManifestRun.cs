namespace ActorSim.Egress.Destinations;

/// <summary>One run in a <see cref="RunManifest"/>.</summary>
public sealed record ManifestRun
{
    /// <summary>The run's id; with <see cref="WriteMode.Append"/> its chunk names carry it.</summary>
    public required string RunId { get; init; }

    /// <summary>How the run ended.</summary>
    public required RunStatus Status { get; init; }

    /// <summary>Why it failed or stopped; null when it succeeded.</summary>
    public string? Message { get; init; }

    /// <summary>The model's name.</summary>
    public required string Model { get; init; }

    /// <summary>SHA-256 of the model's definition.</summary>
    public required string ModelHash { get; init; }

    /// <summary>The random seed.</summary>
    public required ulong Seed { get; init; }

    /// <summary>The logical start.</summary>
    public required DateTime Start { get; init; }

    /// <summary>Simulated seconds asked for.</summary>
    public required double DurationSeconds { get; init; }

    /// <summary>The engine.</summary>
    public required string Engine { get; init; }

    /// <summary>The ActorSim version that wrote it.</summary>
    public required string Tool { get; init; }

    /// <summary>Wall-clock UTC time the run took the destination.</summary>
    public required DateTime StartedAt { get; init; }

    /// <summary>Wall-clock UTC time the manifest entry was written.</summary>
    public required DateTime FinishedAt { get; init; }

    /// <summary>Totals per line and sink.</summary>
    public required IReadOnlyList<ManifestSink> Sinks { get; init; }

    /// <summary>Every chunk the run stored, sorted by path.</summary>
    public required IReadOnlyList<ManifestChunk> Chunks { get; init; }
}
