using ActorSim.Engine;
using ActorSim.Model.Building;
using ActorSim.Model.Random;
using ActorSim.Model.Records;

namespace ActorSim.Model.Tests.Building;

public class TaskReuseTests
{
    [Fact]
    public void Tasks_started_by_arrivals_should_allocate_almost_nothing_once_the_pools_are_warm()
    {
        var simulation = new Simulation();
        var sink = new CountingRecordSink();
        ReferenceModels.LineA().Start(simulation, sink, RandomStream.Create(42, "Line_A"));
        simulation.Run(3600);
        var events = simulation.ProcessedEvents;
        var before = GC.GetAllocatedBytesForCurrentThread();

        simulation.Run(4 * 3600);

        var perEvent = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)(simulation.ProcessedEvents - events);
        Assert.True(simulation.ProcessedEvents - events > 80_000);

        // Before tasks reused their process and state machine: about 50 bytes per event (each task's iterator and
        // process). What remains is the queue and pools growing to the line's peak.
        Assert.True(perEvent < 2, $"{perEvent:0.00} bytes allocated per event");
    }

    [Fact]
    public void A_task_started_through_the_public_api_should_keep_its_process_after_it_ends()
    {
        var simulation = new Simulation();
        var line = ReferenceModels.LineA().Start(simulation, new CountingRecordSink(), RandomStream.Create(7, "Line_A"));
        var task = line.StartTask(line.Model.Tasks[0]);
        var checks = 0;
        var revived = false;
        simulation.Process(Watch(), "watch");

        simulation.Run(3600);

        // Pooled task processes are reused within seconds; the caller's process must never run another task.
        Assert.True(checks > 7000);
        Assert.False(revived);
        Assert.True(task.IsProcessed);
        Assert.True(task.IsOk);
        Assert.True(line.TasksCreated > 1000);

        IEnumerable<Event> Watch()
        {
            yield return task;
            while (true)
            {
                yield return simulation.Delay(0.5);
                checks++;
                revived |= task.IsAlive || !task.IsProcessed;
            }
        }
    }
}
