using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ActorSim.Egress.Storage;
using ActorSim.Forecasts;
using ActorSim.Forecasts.Records;
using ActorSim.Runs;

namespace ActorSim.Cluster;

/// <summary>
/// A forecast as it travels to worker nodes: the model as data, the snapshot as its JSON document, and the parameters
/// every replication depends on. Its bytes (<see cref="Write"/>) and their SHA-256 (<see cref="Hash"/>) are the same on
/// every process, so a node that holds a job by its hash needs it once. Parallelism stays with the client; kept records
/// travel as the run whose sinks write them (the destination's lock and manifest stay with the client).
/// </summary>
public sealed record ForecastJob
{
    private const byte Version = 2;

    /// <summary>The model: a blueprint's text or a catalog name, compiled on each node.</summary>
    public required ModelSource Model { get; init; }

    /// <summary>The state to start from as <see cref="SnapshotJson"/> text; null: empty, at 0.</summary>
    public string? SnapshotJson { get; init; }

    /// <summary>Simulated seconds ahead.</summary>
    public required double HorizonSeconds { get; init; }

    /// <summary>The forecast's seed.</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>The band step as the request gives it (0: the horizon / 96).</summary>
    public double BandStep { get; init; }

    /// <summary>Queue alerts.</summary>
    public IReadOnlyList<QueueAlert> Alerts { get; init; } = [];

    /// <summary>What-if changes (a scenario); empty for the baseline.</summary>
    public IReadOnlyList<WhatIfChange> Changes { get; init; } = [];

    /// <summary>
    /// The run whose sinks write each replication's records (<c>--keep-records</c>) as <see cref="RunSpecJson"/> text,
    /// without its snapshot (the job carries that); null: the replications keep no records.
    /// </summary>
    public string? RecordsSpecJson { get; init; }

    /// <summary>The job for <paramref name="request"/>'s parameters, with the model and snapshot it was built from.</summary>
    public static ForecastJob For(ForecastRequest request, ModelSource model, string? snapshotJson)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ForecastJob
        {
            Model = model,
            SnapshotJson = snapshotJson,
            HorizonSeconds = request.HorizonSeconds,
            Seed = request.Seed,
            BandStep = request.BandStep,
            Alerts = request.Alerts,
            Changes = request.Changes,
            RecordsSpecJson = request.Records switch
            {
                null => null,
                ForecastRecordStore store => RunSpecJson.Write(store.Spec with { Snapshot = null }),
                var other => throw new NotSupportedException($"A forecast on the cluster keeps records through a {nameof(ForecastRecordStore)}, not a {other.GetType().Name}."),
            },
        };
    }

    /// <summary>The job as bytes: a version, then each field in order.</summary>
    public byte[] Write()
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Version);
            WriteText(w, Model.Blueprint);
            WriteText(w, Model.SourceName);
            WriteText(w, Model.Catalog);
            WriteText(w, SnapshotJson);
            w.Write(HorizonSeconds);
            w.Write(Seed);
            w.Write(BandStep);
            w.Write(Alerts.Count);
            foreach (var alert in Alerts)
            {
                w.Write(alert.Line);
                w.Write(alert.Resource);
                w.Write(alert.Threshold);
            }

            w.Write(Changes.Count);
            foreach (var change in Changes)
            {
                w.Write(change.Path);
                w.Write(change.After);
                switch (change.Value)
                {
                    case long n:
                        w.Write((byte)'l');
                        w.Write(n);
                        break;
                    case int n:
                        w.Write((byte)'l');
                        w.Write((long)n);
                        break;
                    case double d:
                        w.Write((byte)'d');
                        w.Write(d);
                        break;
                    case bool b:
                        w.Write((byte)'b');
                        w.Write(b);
                        break;
                    default:
                        w.Write((byte)'s');
                        w.Write(Convert.ToString(change.Value, CultureInfo.InvariantCulture) ?? string.Empty);
                        break;
                }
            }

            WriteText(w, RecordsSpecJson);
        }

        return stream.ToArray();
    }

    /// <summary>Reads what <see cref="Write"/> wrote; another version or truncated bytes throw an <see cref="InvalidDataException"/>.</summary>
    public static ForecastJob Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var r = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        try
        {
            var version = r.ReadByte();
            if (version != Version)
            {
                throw new InvalidDataException($"The forecast job is of version {version}; this node reads version {Version}. Run the same ActorSim on every node.");
            }

            var blueprint = ReadText(r);
            var sourceName = ReadText(r);
            var catalog = ReadText(r);
            var snapshot = ReadText(r);
            var horizon = r.ReadDouble();
            var seed = r.ReadUInt64();
            var bandStep = r.ReadDouble();
            var alerts = new QueueAlert[r.ReadInt32()];
            for (var i = 0; i < alerts.Length; i++)
            {
                alerts[i] = new QueueAlert(r.ReadString(), r.ReadString(), r.ReadInt32());
            }

            var changes = new WhatIfChange[r.ReadInt32()];
            for (var i = 0; i < changes.Length; i++)
            {
                var path = r.ReadString();
                var after = r.ReadDouble();
                object value = r.ReadByte() switch
                {
                    (byte)'l' => r.ReadInt64(),
                    (byte)'d' => r.ReadDouble(),
                    (byte)'b' => r.ReadBoolean(),
                    (byte)'s' => r.ReadString(),
                    var kind => throw new InvalidDataException($"The forecast job's change of '{path}' has a value of unknown kind {kind}."),
                };
                changes[i] = new WhatIfChange(path, value, after);
            }

            var records = ReadText(r);

            return new ForecastJob
            {
                Model = new ModelSource { Blueprint = blueprint, SourceName = sourceName, Catalog = catalog },
                SnapshotJson = snapshot,
                HorizonSeconds = horizon,
                Seed = seed,
                BandStep = bandStep,
                Alerts = alerts,
                Changes = changes,
                RecordsSpecJson = records,
            };
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"The forecast job's {bytes.Length} bytes are truncated.", e);
        }
    }

    /// <summary>The SHA-256 of <paramref name="bytes"/> in lower-case hex: the job's key on every node.</summary>
    public static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>
    /// The request a node runs replications of: the model compiled here, the snapshot read here, and records (when the
    /// job keeps them) written through <paramref name="storeFor"/>, this process's way to a destination.
    /// </summary>
    public ForecastRequest ToRequest(int parallelism, Func<string, IObjectStore> storeFor)
    {
        ArgumentNullException.ThrowIfNull(storeFor);
        var (plant, name) = RunCompiler.BuildModel(Model);
        return new ForecastRequest
        {
            Plant = plant,
            ModelName = name,
            Snapshot = SnapshotJson is null ? null : global::ActorSim.Model.Snapshots.SnapshotJson.Read(SnapshotJson, "the forecast's snapshot"),
            HorizonSeconds = HorizonSeconds,
            Replications = 1,
            Seed = Seed,
            BandStep = BandStep,
            Alerts = Alerts,
            Changes = Changes,
            Parallelism = parallelism,
            Records = RecordsSpecJson is null ? null : new ReplicationRecordWriter(RunCompiler.Compile(RunSpecJson.Read(RecordsSpecJson), storeFor)),
        };
    }

    private static void WriteText(BinaryWriter w, string? text)
    {
        w.Write(text is not null);
        if (text is not null)
        {
            w.Write(text);
        }
    }

    private static string? ReadText(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;
}
