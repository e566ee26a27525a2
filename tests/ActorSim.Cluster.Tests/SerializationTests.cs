using ActorSim.Cluster.Messages;
using ActorSim.Cluster.Serialization;
using ActorSim.Egress.Destinations;
using ActorSim.Egress.Reports;
using ActorSim.Forecasts;
using ActorSim.Forecasts.Records;
using ActorSim.Runs;
using Akka.Actor;

namespace ActorSim.Cluster.Tests;

/// <summary>The binary serializer of cluster messages and the job definition: every message and field round-trips, bit for bit.</summary>
public sealed class SerializationTests
{
    [Fact]
    public void Every_cluster_message_round_trips_through_its_versioned_manifest()
    {
        using var system = ActorSystem.Create("serialization");
        var serializer = new ClusterMessageSerializer((ExtendedActorSystem)system);
        object[] messages =
        [
            new JobOffer("job-1", "abc"),
            new JobWanted("job-1", "abc"),
            new JobChunk("job-1", "abc", 1, 3, [1, 2, 3]),
            new JobRefused("job-1", "no such model"),
            new WorkRequest("job-1", 4, 17),
            new WorkBatch("job-1", 9, [3, 4, 5]),
            new ReplicationDone("job-1", 9, 3, [1.5, double.NaN, double.PositiveInfinity], [0, -0.0, double.Epsilon]),
            new JobEnded("job-1"),
            new LinesOffered("run-1", "{}", [0, 2], ["tag", null]),
            new LinesOffered("run-1-r1", "{}", [0, 2], [null], Checkpoints: true, Resumes: true),
            new LineStatePart("run-1-r1", 2, 262_144, 300_000, [1, 2, 3]),
            new LinesPrepared("run-1", null),
            new CollectLines("run-1", 3),
            new LinesCollected("run-1", [new HostedLine("A", [new SinkReport("history", 10, 8, 2, [new DestinationReport("events.parquet", 10, 8, 1, 512)]) { BlockedSeconds = 0.5 }],
                [new ManifestChunk("line=A/events_000001.parquet", "A", "history", 8, 512, new string('b', 64))])], More: true),
        ];
        Assert.Equal(ClusterMessageSerializer.All.Count, messages.Select(m => m.GetType()).Distinct().Count());

        foreach (var message in messages)
        {
            var manifest = serializer.Manifest(message);
            var back = serializer.FromBinary(serializer.ToBinary(message), manifest);
            Assert.EndsWith(message is ReplicationDone or LinesOffered ? ".v2" : ".v1", manifest);
            Assert.Equal(Text(message), Text(back));
        }
    }

    [Fact]
    public void A_lines_offer_of_the_first_layout_still_reads_as_lines_that_start_afresh()
    {
        using var system = ActorSystem.Create("serialization");
        var serializer = new ClusterMessageSerializer((ExtendedActorSystem)system);
        var v1 = new MemoryStream();
        using (var w = new BinaryWriter(v1))
        {
            w.Write("run-1");
            w.Write("{}");
            w.Write(1);
            w.Write(3);
            w.Write(1);
            w.Write(false);
        }

        var offer = (LinesOffered)serializer.FromBinary(v1.ToArray(), "lines-offered.v1");

        Assert.Equal(("run-1", 3, (string?)null), (offer.RunId, offer.Lines.Single(), offer.ChunkTags.Single()));
        Assert.False(offer.Resumes || offer.Checkpoints);
    }

    [Fact]
    public void A_replication_outcome_carries_its_kept_records_and_the_first_layout_still_reads()
    {
        using var system = ActorSystem.Create("serialization");
        var serializer = new ClusterMessageSerializer((ExtendedActorSystem)system);
        var records = new KeptRecords(
            [new ManifestChunk("replication=3/events/part-0.parquet", "Line_A", "history", 500, 20_480, new string('a', 64))],
            [new SinkTotals("Line_A", "history", 512, 500, 12)]);
        var done = new ReplicationDone("job-1", 9, 3, [1.5], [2.5], records);

        var back = (ReplicationDone)serializer.FromBinary(serializer.ToBinary(done), serializer.Manifest(done));
        var v1 = new MemoryStream();
        using (var w = new BinaryWriter(v1))
        {
            w.Write("job-1");
            w.Write(9L);
            w.Write(3);
            w.Write(1);
            w.Write(1.5);
            w.Write(1);
            w.Write(2.5);
        }

        var old = (ReplicationDone)serializer.FromBinary(v1.ToArray(), "replication-done.v1");

        Assert.True(records.SameAs(back.Records!));
        Assert.Equal(Text(done), Text(old));
        Assert.Null(old.Records);
    }

    [Fact]
    public void An_unknown_manifest_is_refused_naming_it()
    {
        using var system = ActorSystem.Create("serialization");
        var serializer = new ClusterMessageSerializer((ExtendedActorSystem)system);

        var e = Assert.Throws<System.Runtime.Serialization.SerializationException>(() => serializer.FromBinary([], "work-batch.v9"));

        Assert.Contains("'work-batch.v9'", e.Message);
    }

    [Fact]
    public void A_job_round_trips_and_its_hash_depends_on_every_field()
    {
        var job = new ForecastJob
        {
            Model = ModelSource.FromBlueprint("simulation: {sim_id: L}\n", "line.yaml"),
            SnapshotJson = "{}",
            HorizonSeconds = 3600,
            Seed = ulong.MaxValue,
            BandStep = 60,
            Alerts = [new QueueAlert("L", "lathe", 3)],
            Changes = [new WhatIfChange("L.resources.lathe.current_cap", 6L, 0), new WhatIfChange("L.arrival.a.rate", 2.5, 60), new WhatIfChange("L.variables.x", "on", 0)],
        };

        var bytes = job.Write();
        var back = ForecastJob.Read(bytes);

        Assert.Equal(bytes, back.Write());
        Assert.Equal(job.Changes, back.Changes);
        Assert.Equal(job.Alerts, back.Alerts);
        Assert.NotEqual(ForecastJob.Hash(bytes), ForecastJob.Hash((job with { Seed = 1 }).Write()));
        Assert.NotEqual(ForecastJob.Hash(bytes), ForecastJob.Hash((job with { SnapshotJson = null }).Write()));
    }

    private static string Text(object message) => message switch
    {
        JobChunk c => $"{c.JobId} {c.JobHash} {c.Index} {c.Count} {Convert.ToHexString(c.Data)}",
        WorkBatch b => $"{b.JobId} {b.LeaseId} {string.Join(",", b.Indices)}",
        ReplicationDone d => $"{d.JobId} {d.LeaseId} {d.Index} {string.Join(",", d.Row.Concat(d.Samples).Select(BitConverter.DoubleToInt64Bits))}",
        LinesOffered o => $"{o.RunId} {o.SpecJson} {string.Join(",", o.Lines)} {string.Join(",", o.ChunkTags.Select(t => t ?? "<null>"))} {o.Checkpoints} {o.Resumes}",
        LineStatePart p => $"{p.RunId} {p.Line} {p.Offset} {p.Total} {Convert.ToHexString(p.Bytes)}",
        LinesCollected c => $"{c.RunId} {c.More} " + string.Join(";", c.Lines.Select(l =>
            $"{l.SimId} {string.Join(",", l.Sinks.Select(s => $"{s with { Destinations = [] }} {s.BlockedSeconds} {string.Join(",", s.Destinations)}"))} {string.Join(",", l.Chunks)}")),
        _ => message.ToString()!,
    };
}
