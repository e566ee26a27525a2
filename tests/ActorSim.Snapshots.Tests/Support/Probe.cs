namespace ActorSim.Snapshots.Tests.Support;

/// <summary>Waits for a condition with a tiny bounded poll instead of sleeping.</summary>
public static class Probe
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> failure)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(failure());
            }

            await Task.Delay(20);
        }
    }
}
