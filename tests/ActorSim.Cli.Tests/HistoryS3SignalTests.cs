using System.Diagnostics;
using System.Text.Json;
using ActorSim.Cli.Tests.Support;
using ActorSim.Egress.Tests.Support;
using Amazon.S3.Model;

namespace ActorSim.Cli.Tests;

/// <summary>
/// Ctrl+C while the final chunk is being uploaded to a real S3 server (moto, behind a proxy that holds that upload):
/// the run stops within a second or two, exits 130, and the manifest says it was stopped, on both engines.
/// </summary>
public class HistoryS3SignalTests(MotoServerFixture moto) : IClassFixture<MotoServerFixture>
{
    /// <summary>Measured: 0.2–0.3 s from the signal to the exit (0.25–0.6 s by hand on larger chunks); the bound leaves room for a busy CI machine.</summary>
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(2);

    [Theory]
    [InlineData("actors")]
    [InlineData("reference")]
    public async Task Ctrl_C_during_the_final_upload_should_stop_within_seconds_with_exit_130_and_a_stopped_manifest(string engine)
    {
        using var proxy = new HoldingProxy(moto.Endpoint);
        var bucket = "final-upload-" + engine;
        var environment = new Dictionary<string, string> { ["S3_ENDPOINT"] = proxy.HostPort, ["S3_ACCESS_KEY"] = "user", ["S3_SECRET_KEY"] = "password" };
        // One simulated day in one batch: the only chunk is stored when the run drains its egress at the end.
        using var cli = CliProcess.Start(environment,
            "history", "--engine", engine, "--duration", "1 day", "--batch-size", "1000000", "--flush-interval", "0",
            "--start", "2026-01-01T00:00:00", "--dest", $"s3://{bucket}/run", "--progress", "none");
        var held = await Task.WhenAny(proxy.Held, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(held == proxy.Held, $"no chunk upload within 60 s: {cli.Error}");
        Assert.False(cli.HasExited, $"actorsim ended before the signal: {cli.Error}");

        var stopwatch = Stopwatch.StartNew();
        await cli.SignalAsync("INT");
        await cli.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(stopwatch.Elapsed < StopBound, $"actorsim stopped {stopwatch.Elapsed.TotalSeconds:0.0} s after SIGINT: {cli.Error}");
        Assert.True(cli.ExitCode == 130, $"exit {cli.ExitCode}, expected 130: {cli.Error}");
        using var client = MotoAccess.Client(moto);
        var keys = ((await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket })).S3Objects ?? []).Select(o => o.Key).ToList();
        Assert.DoesNotContain(keys, k => k.EndsWith(".parquet", StringComparison.Ordinal));
        Assert.DoesNotContain("run/_SUCCESS", keys);
        using var manifest = await client.GetObjectAsync(bucket, "run/_manifest.json");
        using var json = await JsonDocument.ParseAsync(manifest.ResponseStream);
        var run = json.RootElement.GetProperty("runs")[0];
        Assert.Equal("stopped", run.GetProperty("status").GetString());
        Assert.Equal(0, run.GetProperty("chunks").GetArrayLength());
    }
}
