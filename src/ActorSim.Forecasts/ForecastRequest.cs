using ActorSim.Model.Plants;
using ActorSim.Model.Registry;
using ActorSim.Model.Snapshots;

namespace ActorSim.Forecasts;

/// <summary>A forecast to run: the model, the state to start from, how far ahead, how many replications, and on how many workers.</summary>
public sealed record ForecastRequest
{
    /// <summary>The model: a single line's is a plant of that line.</summary>
    public required PlantModel Plant { get; init; }

    /// <summary>The model's name, for reports.</summary>
    public string ModelName { get; init; } = "model";

    /// <summary>The state to start from; null: every line starts empty at 0.</summary>
    public ModelSnapshot? Snapshot { get; init; }

    /// <summary>Simulated seconds ahead, above 0.</summary>
    public required double HorizonSeconds { get; init; }

    /// <summary>Replications, 1 or more.</summary>
    public required int Replications { get; init; }

    /// <summary>The forecast's seed: replication i draws from streams derived from it and i alone.</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>Simulated seconds between the samples of the bands (queue, in use, WIP); 0: the horizon / 96.</summary>
    public double BandStep { get; init; }

    /// <summary>The band step in force: <see cref="BandStep"/>, or the horizon / 96.</summary>
    public double EffectiveBandStep => BandStep > 0 ? BandStep : HorizonSeconds / 96;

    /// <summary>Registry changes this forecast makes to the model (a what-if scenario); empty for the baseline.</summary>
    public IReadOnlyList<WhatIfChange> Changes { get; init; } = [];

    /// <summary>Queue thresholds whose first crossing each replication records, and on which the verdict is given.</summary>
    public IReadOnlyList<QueueAlert> Alerts { get; init; } = [];

    /// <summary>Called once after each replication ends, from the thread that ran it (or received its outcome); null: nothing.</summary>
    public Action? ReplicationDone { get; init; }

    /// <summary>Where each replication's records go; null: nowhere (KPIs only). What-if scenarios never write records.</summary>
    public IReplicationRecords? Records { get; init; }

    /// <summary>Workers running replications at once (each runs a whole replication); results do not depend on it.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>The index of the line a registry path belongs to (its first segment), or -1.</summary>
    internal int LineOf(string path) => Plant.Lines.Select((l, i) => (l, i)).FirstOrDefault(p => path.StartsWith(p.l.SimId + ".", StringComparison.Ordinal), (null!, -1)).Item2;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first value that cannot run.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Plant);
        if (!(HorizonSeconds > 0) || double.IsInfinity(HorizonSeconds))
        {
            throw new ArgumentException($"The horizon {HorizonSeconds} s must be a finite number of simulated seconds above 0.", nameof(HorizonSeconds));
        }

        if (Replications < 1)
        {
            throw new ArgumentException($"A forecast needs at least 1 replication; {Replications} were asked for.", nameof(Replications));
        }

        if (!(BandStep >= 0) || double.IsInfinity(BandStep) || BandStep > HorizonSeconds)
        {
            throw new ArgumentException($"The band step {BandStep} s must be above 0 and within the horizon ({HorizonSeconds} s).", nameof(BandStep));
        }

        if (Parallelism < 1)
        {
            throw new ArgumentException($"The parallelism {Parallelism} must be 1 or more workers.", nameof(Parallelism));
        }

        foreach (var change in Changes)
        {
            CheckChange(change);
        }

        foreach (var alert in Alerts)
        {
            var line = Plant.Lines.FirstOrDefault(l => l.SimId == alert.Line)
                ?? throw new ArgumentException($"The alert {alert} names the line '{alert.Line}', which the model does not have; it has {string.Join(", ", Plant.Lines.Select(l => l.SimId))}.", nameof(Alerts));
            if (!line.ResourceNames.Contains(alert.Resource))
            {
                throw new ArgumentException($"The alert {alert} names the resource '{alert.Resource}', which line '{alert.Line}' does not have; it has {string.Join(", ", line.ResourceNames)}.", nameof(Alerts));
            }
        }

        if (Snapshot is not null)
        {
            SnapshotValidator.Check(Snapshot, Plant, "the snapshot");
        }
    }

    /// <summary>A change must name a line's registry path and a value the registry takes there.</summary>
    private void CheckChange(WhatIfChange change)
    {
        var index = LineOf(change.Path);
        if (index < 0)
        {
            throw new ArgumentException($"The change {change} names no line of the model (its first segment must be one of {string.Join(", ", Plant.Lines.Select(l => l.SimId))}).", nameof(Changes));
        }

        var scratch = Plant.CreateRegistry(index);

        try
        {
            scratch.Update(change.Path, change.Value);
        }
        catch (RegistryException e)
        {
            throw new ArgumentException($"The change {change}: {e.Message}", nameof(Changes), e);
        }

        if (!(change.After >= 0) || change.After >= HorizonSeconds)
        {
            throw new ArgumentException($"The change {change} applies after the horizon ({HorizonSeconds} s).", nameof(Changes));
        }
    }
}
