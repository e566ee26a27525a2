using System.Diagnostics;
using ActorSim.Engine.Pacing;
using ActorSim.Engine.Tests.Support;

namespace ActorSim.Engine.Tests;

public class PacingCancellationTests
{
    [Fact]
    public async Task A_paced_run_should_wake_from_its_wall_clock_wait_when_its_token_is_cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        // Real time on the real clock: the next event is an hour of wall time away.
        var sim = new Simulation(pacing: PacingPolicy.WithFactor(1) with { Cancellation = cancellation.Token });
        sim.Timeout(3600);
        var run = Task.Run(() => sim.RunUntil(7200));
        await Task.Delay(50);

        var stopwatch = Stopwatch.StartNew();
        await cancellation.CancelAsync();
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"the run stopped {stopwatch.Elapsed} after the cancellation");
        Assert.Equal(cancellation.Token, error.CancellationToken);
        Assert.Equal(0, sim.Now);
        Assert.Equal(3600, sim.Peek());
        Assert.Equal(0, sim.ProcessedEvents);
    }

    [Fact]
    public void A_paced_run_with_a_cancelled_token_should_process_no_further_event()
    {
        var clock = new FakeWallClock();
        using var cancellation = new CancellationTokenSource();
        var sim = new Simulation(pacing: new PacingPolicy { Factor = 1, Clock = clock, Cancellation = cancellation.Token });
        sim.Timeout(1).AddCallback(_ => cancellation.Cancel());
        sim.Timeout(2);

        Assert.ThrowsAny<OperationCanceledException>(() => sim.Run());

        Assert.Equal(1, sim.ProcessedEvents);
        Assert.Equal(1, sim.Now);
        Assert.Equal(2, sim.Peek());
    }

    [Fact]
    public void An_unpaced_run_should_ignore_the_pacing_token()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var sim = new Simulation(pacing: new PacingPolicy { Factor = 0, Cancellation = cancellation.Token });
        sim.Timeout(1);

        sim.RunUntil(10);

        Assert.Equal(1, sim.ProcessedEvents);
    }
}
