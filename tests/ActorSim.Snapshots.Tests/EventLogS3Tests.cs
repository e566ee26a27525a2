using ActorSim.Egress;
using ActorSim.Egress.Storage;
using ActorSim.Snapshots.EventLogs;
using ActorSim.Egress.Tests.Support;
using ActorSim.Snapshots.Tests.Support;

namespace ActorSim.Snapshots.Tests;

/// <summary>An event log in a real S3 server (moto), read through the project's S3 store.</summary>
public class EventLogS3Tests(MotoServerFixture moto) : IClassFixture<MotoServerFixture>
{
    private S3StoreOptions Options(string prefix) => new()
    {
        Bucket = "history",
        Prefix = prefix,
        Endpoint = moto.Endpoint,
        AccessKey = "test",
        SecretKey = "test-secret",
        CreateBucketIfMissing = true,
        InitialBackoff = TimeSpan.FromMilliseconds(10),
    };

    [Fact]
    public async Task A_run_written_to_S3_should_read_back_from_the_bucket_under_its_prefix()
    {
        using var destination = new S3ObjectStore(Options("runs/1"));
        var published = SampleRecords.Lifecycles(130).ToList();
        await LogFiles.WriteRunAsync(destination, "run-1", published, ChunkFormat.Parquet);
        await destination.PutAsync("events_000999.parquet", await destination.ReadAsync("events_000001.parquet", default), default);
        using var bucket = new S3ObjectStore(Options(string.Empty));

        var reader = await EventLogReader.OpenAsync(bucket, "runs/1");
        var read = await LogFiles.ReadAllAsync(bucket, "runs/1");

        Assert.Equal(Expected.Sorted(Expected.Of(published, SampleRecords.Start)), Expected.Sorted(read));
        Assert.Equal(["events_000999.parquet"], reader.Selection.Ignored);
        Assert.Equal("run-1", Assert.Single(reader.Selection.Runs).RunId);
    }
}
