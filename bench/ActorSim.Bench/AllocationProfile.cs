using System.Diagnostics.Tracing;

namespace ActorSim.Bench;

/// <summary>
/// Which types the reference week allocates, sampled from the runtime's AllocationTick events (one per ~100 kB
/// allocated): a rough share per type, to find what to pool or turn into structs.
/// </summary>
internal sealed class AllocationProfile : EventListener
{
    private readonly Dictionary<string, long> _bytes = [];

    public static void Run(Action body)
    {
        using var listener = new AllocationProfile();
        body();
        var total = listener._bytes.Values.Sum();
        Console.WriteLine($"allocation samples: {total / 1e6:0} MB sampled");
        foreach (var (type, bytes) in listener._bytes.OrderByDescending(p => p.Value).Take(15))
        {
            Console.WriteLine($"  {bytes * 100.0 / total,5:0.0}%  {type}");
        }
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null)
        {
            return;
        }

        var type = e.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? e.Payload[t] as string ?? "?" : "?";
        var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(e.Payload[a], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        lock (_bytes)
        {
            _bytes[type] = _bytes.GetValueOrDefault(type) + amount;
        }
    }
}
