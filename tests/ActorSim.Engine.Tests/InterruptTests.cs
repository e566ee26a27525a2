using ActorSim.Engine.Resources;
using ActorSim.Engine.Tests.Support;

namespace ActorSim.Engine.Tests;

public class InterruptTests
{
    [Fact]
    public void An_interruption_says_its_cause_when_it_has_one()
    {
        Assert.Equal("The process was interrupted (machine broke).", new ProcessInterruptedException("machine broke").Message);
        Assert.Equal("The process was interrupted.", new ProcessInterruptedException(null).Message);
        Assert.Equal("machine broke", new ProcessInterruptedException("machine broke").Cause);
    }

    [Fact]
    public void Interrupt_should_wake_a_process_waiting_on_a_timeout_with_the_cause_and_the_timeout_no_longer_resumes_it()
    {
        var sim = new Simulation();
        var trace = new Trace(sim);
        IEnumerable<Event> Sleeper()
        {
            trace.Add("sleeper", "sleeps 10");
            yield return sim.Timeout(10);
            var self = sim.Self();
            var cause = (self.Fault as ProcessInterruptedException)?.Cause;
            trace.Add("sleeper", $"interrupted by {cause}");
            self.HandleFault();
            yield return sim.Timeout(1);
            trace.Add("sleeper", "done");
        }

        var sleeper = sim.Process(Sleeper());
        IEnumerable<Event> Alarm()
        {
            yield return sim.Timeout(3);
            sleeper.Interrupt("alarm");
        }

        sim.Process(Alarm());
        sim.Run();

        Assert.Equal(["0 sleeper sleeps 10", "3 sleeper interrupted by alarm", "4 sleeper done"], trace.Lines);
        Assert.Equal(10, sim.Now);
    }

    [Fact]
    public void Interrupt_should_let_a_process_withdraw_its_resource_request_without_a_trace_in_the_queue()
    {
        var sim = new Simulation();
        var trace = new Trace(sim);
        var machine = new Resource(sim, 1, "machine");
        IEnumerable<Event> Holder()
        {
            using var request = machine.Request();
            yield return request;
            trace.Add("holder", "got machine");
            yield return sim.Timeout(10);
            trace.Add("holder", "releases");
        }

        IEnumerable<Event> Waiter()
        {
            yield return sim.Timeout(1);
            using (var request = machine.Request())
            {
                trace.Add("waiter", $"queued, queue {machine.Queue.Count}");
                yield return request;
                var self = sim.Self();
                trace.Add("waiter", $"{self.Fault?.GetType().Name}, granted {request.IsTriggered}");
                self.HandleFault();
            }

            trace.Add("waiter", $"withdrew, queue {machine.Queue.Count}");
        }

        sim.Process(Holder());
        var waiter = sim.Process(Waiter());
        IEnumerable<Event> Boss()
        {
            yield return sim.Timeout(2);
            waiter.Interrupt();
        }

        sim.Process(Boss());
        sim.Run();

        Assert.Equal(
            [
                "0 holder got machine",
                "1 waiter queued, queue 1",
                "2 waiter ProcessInterruptedException, granted False",
                "2 waiter withdrew, queue 0",
                "10 holder releases",
            ],
            trace.Lines);
        Assert.Equal(0, machine.Count);
        Assert.Empty(machine.Users);
        Assert.Empty(machine.Queue);
    }

    [Fact]
    public void Interrupt_should_refuse_a_process_that_has_ended()
    {
        var sim = new Simulation();
        IEnumerable<Event> Brief()
        {
            yield return sim.Timeout(1);
        }

        var brief = sim.Process(Brief(), "brief");
        sim.Run();

        var error = Assert.Throws<InvalidOperationException>(() => brief.Interrupt());
        Assert.Equal("Process 'brief' has ended and cannot be interrupted.", error.Message);
    }

    [Fact]
    public void Interrupt_should_refuse_a_process_interrupting_itself()
    {
        var sim = new Simulation();
        var trace = new Trace(sim);
        IEnumerable<Event> Selfish()
        {
            yield return sim.Timeout(1);
            try
            {
                sim.Self().Interrupt();
            }
            catch (InvalidOperationException error)
            {
                trace.Add("selfish", error.Message);
            }
        }

        sim.Process(Selfish(), "selfish");
        sim.Run();

        Assert.Equal(["1 selfish Process 'selfish' cannot interrupt itself."], trace.Lines);
    }
}
