using ActorSim.Engine.Tests.Support;

namespace ActorSim.Engine.Tests;

public class ProcessTests
{
    [Fact]
    public void Process_should_return_a_value_through_Exit_to_a_process_waiting_on_it()
    {
        var sim = new Simulation();
        var trace = new Trace(sim);
        IEnumerable<Event> Worker()
        {
            yield return sim.Timeout(2);
            trace.Add("worker", "returns 42");
            yield return sim.Exit(42);
            trace.Add("worker", "never here");
        }

        IEnumerable<Event> Boss()
        {
            var worker = sim.Process(Worker());
            yield return worker;
            trace.Add("boss", $"{worker.Name} returned {worker.Value}, alive {worker.IsAlive}");
        }

        var boss = sim.Process(Boss());
        sim.Run();

        Assert.Equal(["2 worker returns 42", "2 boss Worker returned 42, alive False"], trace.Lines);
        Assert.Null(boss.Value);
    }

    [Fact]
    public void Process_should_see_a_failed_process_as_Fault_and_go_on_after_HandleFault()
    {
        var sim = new Simulation();
        var trace = new Trace(sim);
        IEnumerable<Event> Worker()
        {
            yield return sim.Timeout(1);
            throw new InvalidOperationException("broken");
        }

        IEnumerable<Event> Boss()
        {
            var worker = sim.Process(Worker(), "worker");
            yield return worker;
            var self = sim.Self();
            trace.Add("boss", $"sees {self.Fault?.GetType().Name}: {self.Fault?.Message}");
            self.HandleFault();
            yield return sim.Timeout(1);
            trace.Add("boss", "carries on");
        }

        sim.Process(Boss(), "boss");
        sim.Run();

        Assert.Equal(["1 boss sees InvalidOperationException: broken", "2 boss carries on"], trace.Lines);
    }

    [Fact]
    public void Process_should_fail_when_it_ignores_a_Fault()
    {
        var sim = new Simulation();
        var trace = new Trace(sim);
        IEnumerable<Event> Worker()
        {
            yield return sim.Timeout(1);
            throw new InvalidOperationException("broken");
        }

        IEnumerable<Event> Boss()
        {
            yield return sim.Process(Worker(), "worker");
            trace.Add("boss", "resumed without handling");
            yield return sim.Timeout(1);
            trace.Add("boss", "never here");
        }

        var boss = sim.Process(Boss(), "boss");

        var error = Assert.Throws<SimulationException>(() => sim.Run());
        Assert.Equal("Process 'boss' failed at t=1.000s and nothing handled it: broken", error.Message);
        Assert.Equal(["1 boss resumed without handling"], trace.Lines);
        Assert.False(boss.IsAlive);
    }

    [Fact]
    public void Process_should_fail_the_run_with_its_name_when_an_exception_escapes()
    {
        var sim = new Simulation();
        IEnumerable<Event> Loader()
        {
            yield return sim.Timeout(3);
            throw new FormatException("bad pallet label");
        }

        sim.Process(Loader(), "loader");

        var error = Assert.Throws<SimulationException>(() => sim.Run());
        Assert.Equal("Process 'loader' failed at t=3.000s and nothing handled it: bad pallet label", error.Message);
        Assert.Equal(3, error.SimulatedTime);
        Assert.IsType<FormatException>(error.InnerException);
    }

    [Fact]
    public void Process_should_take_its_name_from_the_iterator_method_and_end_with_null()
    {
        var sim = new Simulation();
        IEnumerable<Event> Packer()
        {
            yield return sim.Timeout(1);
        }

        var packer = sim.Process(Packer());
        sim.Run();

        Assert.Equal("Packer", packer.Name);
        Assert.True(packer.IsOk);
        Assert.Null(packer.Value);
        Assert.Null(packer.Target);
    }

    [Fact]
    public void Process_should_fail_with_a_clear_error_when_it_yields_null()
    {
        var sim = new Simulation();
        IEnumerable<Event> Careless()
        {
            yield return null!;
        }

        sim.Process(Careless(), "careless");

        var error = Assert.Throws<SimulationException>(() => sim.Run());
        Assert.Equal("Process 'careless' failed at t=0.000s and nothing handled it: Process 'careless' yielded null; yield an event to wait for.", error.Message);
    }
}
