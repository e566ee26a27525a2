using System.Collections;
using System.Text;
using ActorSim.Egress.Internal;
using ActorSim.Egress.Writers;
using ActorSim.Model.Records;

namespace ActorSim.Egress.Tests.Support;

/// <summary>Records covering every shape the JSONL encoder writes, and a helper that encodes them as one chunk.</summary>
internal static class EncoderCases
{
    public static readonly DateTime UnspecifiedStart = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    public static readonly DateTime UtcStart = new(2026, 1, 1, 23, 59, 59, DateTimeKind.Utc);

    public static readonly DateTime LocalStart = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Local);

    /// <summary>Text that needs JSON escaping: quotes, backslash, controls, HTML-ish characters, U+2028, an astral character.</summary>
    public const string Awkward = "q\"b\\s/<b>&'\t\n\r\b\f\u0001\u001f\u007f\u0085\u00a0\u2028\u2029\ufeff😀";

    /// <summary>Non-ASCII text the relaxed encoder keeps as is.</summary>
    public const string NonAscii = "tâche-日本-Ωμέγα-";

    /// <summary>Encodes <paramref name="records"/> as one chunk and returns its text.</summary>
    public static string Encode(IChunkEncoder encoder, bool flatten, params SimRecord[] records) =>
        Encoding.UTF8.GetString(Encode(encoder, new RecordBatch(new DestinationStats("test"), flatten, 1, records, records.Length)).Span);

    /// <summary>Encodes <paramref name="batch"/>.</summary>
    public static ReadOnlyMemory<byte> Encode(IChunkEncoder encoder, RecordBatch batch) => encoder.Encode(batch);

    public static SimRecord[] Lifecycles() =>
    [
        SimRecord.Lifecycle(1.202, new RecordKey("task-", 0), "Line_A.service.milling", "queued"),
        SimRecord.Lifecycle(1.302, new RecordKey("task-", 0), "Line_A.service.milling", "started"),
        SimRecord.Lifecycle(1.4024999, new RecordKey("task-", 0), "Line_A.service.milling", "finished"),
        SimRecord.Lifecycle(0.0004, new RecordKey("task-", long.MaxValue), "a", "queued"),
        SimRecord.Lifecycle(-0.5, new RecordKey("task-", 10), "a", "queued"),
        SimRecord.Lifecycle(59.9995, RecordKey.Of("order-7"), "a", "queued"),
        SimRecord.Lifecycle(60, new RecordKey("", 7), "a", "queued"),
        SimRecord.Lifecycle(3600.05, new RecordKey("neg-", -5), "a", "queued"),
        SimRecord.Lifecycle(604_799.9996, new RecordKey(new string('k', 300), 12), "a", "queued"),
        SimRecord.Lifecycle(31_557_600.123, new RecordKey("task-", 1), null!, "started"),
        SimRecord.Lifecycle(1.202, new RecordKey("task-", 2), string.Empty, string.Empty),
    ];

    public static SimRecord[] EscapedText() =>
    [
        SimRecord.Lifecycle(1, new RecordKey(Awkward, 5), Awkward, Awkward),
        SimRecord.Lifecycle(2, RecordKey.Of(Awkward), "Line\"A\\.x", "qu\"eued"),
        SimRecord.Lifecycle(3, new RecordKey(NonAscii, 3), NonAscii + "path", "fini-é"),
        SimRecord.Lifecycle(6, new RecordKey("pair-😀", 2), "😀", "😀"),
        SimRecord.Telemetry(7, Awkward, 1.5),
        SimRecord.Telemetry(8, NonAscii, (object)NonAscii),
        SimRecord.Event(9, new RecordKey(NonAscii, 9), new Dictionary<string, object?> { [Awkward] = Awkward, [NonAscii] = NonAscii }),
    ];

    /// <summary>Records with a lone surrogate somewhere, which no encoder can write as UTF-8 (each alone fails the chunk).</summary>
    public static SimRecord[] LoneSurrogates() =>
    [
        SimRecord.Lifecycle(1, new RecordKey("lone-\ud83d", 1), "a", "queued"),
        SimRecord.Lifecycle(2, RecordKey.Of("lone-\ude00"), "a", "queued"),
        SimRecord.Lifecycle(3, new RecordKey("task-", 1), "lone-\ude00-path", "queued"),
        SimRecord.Lifecycle(4, new RecordKey("task-", 1), "a", "st\ud83d"),
        SimRecord.Telemetry(5, "lone-\ud83d", 1.0),
        SimRecord.Telemetry(6, "t", (object)"lone-\ud83d"),
        SimRecord.Event(7, new RecordKey("evt-", 1), new Dictionary<string, object?> { ["\ud83d"] = 1 }),
    ];

    public static SimRecord[] CustomEvents() =>
    [
        SimRecord.Event(5, RecordKey.Of("order-7"), new Dictionary<string, object?>
        {
            ["part"] = "gear",
            ["count"] = 3,
            ["weight"] = 1.5,
            ["nan"] = double.NaN,
            ["none"] = null,
            ["flag"] = false,
            ["nested"] = new Dictionary<string, object?> { ["a"] = 1L, ["b"] = new[] { 1, 2 } },
            ["list"] = new List<object?> { 1, "a", null, 2.25f },
        }),
        SimRecord.Event(5.5, new RecordKey("evt-", 1), "plain"),
        SimRecord.Event(6, new RecordKey("evt-", 2), null),
        SimRecord.Event(6.5, new RecordKey("evt-", 3), 42),
        SimRecord.Event(7, new RecordKey("evt-", 4), new SortedList { [2] = "two", [1] = "one" }),
        SimRecord.Event(7.5, new RecordKey("evt-", 5), new Dictionary<string, object?>()),
        SimRecord.Event(8, new RecordKey("evt-", 6), new KeyValuePair<string, object?>[] { new("x", 1.0), new("y", DayOfWeek.Friday) }),
        SimRecord.Event(8.5, new RecordKey("evt-", 7), new DateTime(2026, 2, 3, 4, 5, 6, 789, DateTimeKind.Utc)),
        SimRecord.Event(9, new RecordKey("evt-", 8), new[] { "a", "b" }),
        SimRecord.Lifecycle(9.5, new RecordKey("task-", 9), "mixed.path", "queued"),
    ];

    public static SimRecord[] NumericTelemetry() =>
    [
        SimRecord.Telemetry(0.0004, "Line_A.resources.lathe.in_use", 3.5),
        SimRecord.Telemetry(1.0005, "Line_A.resources.lathe.in_use", 3.0),
        SimRecord.Telemetry(2, "n", 0.0),
        SimRecord.Telemetry(3, "n", -0.0),
        SimRecord.Telemetry(4, "n", double.NaN),
        SimRecord.Telemetry(5, "n", double.PositiveInfinity),
        SimRecord.Telemetry(6, "n", double.NegativeInfinity),
        SimRecord.Telemetry(7, "n", 1e20),
        SimRecord.Telemetry(8, "n", 1e21),
        SimRecord.Telemetry(9, "n", 1e-7),
        SimRecord.Telemetry(10, "n", 0.1 + 0.2),
        SimRecord.Telemetry(11, "n", double.MaxValue),
        SimRecord.Telemetry(12, "n", double.Epsilon),
        SimRecord.Telemetry(13, "n", -123.456),
        SimRecord.Telemetry(14, "n", 12345678901234567890.0),
        SimRecord.Telemetry(15, "n", 1.0 / 3),
        SimRecord.Telemetry(16, "n", 123456789012345.0),
        SimRecord.Telemetry(17, "n", -1e-300),
    ];

    public static SimRecord[] CustomTelemetry() =>
    [
        SimRecord.Telemetry(1, "t", (object)true),
        SimRecord.Telemetry(2, "t", (object)false),
        SimRecord.Telemetry(3, "t", (object)5L),
        SimRecord.Telemetry(4, "t", (object)7),
        SimRecord.Telemetry(5, "t", (object)"text \"q\""),
        SimRecord.Telemetry(6, "t", (object)2.5f),
        SimRecord.Telemetry(7, "t", (object)1.10m),
        SimRecord.Telemetry(8, "t", (object)ulong.MaxValue),
        SimRecord.Telemetry(9, "t", (object)double.NaN),
        SimRecord.Telemetry(10, "t", (object)0.1),
        SimRecord.Telemetry(11, "t", (object)new DateTime(2026, 2, 3, 4, 5, 6, 789, DateTimeKind.Unspecified)),
        SimRecord.Telemetry(12, "t", (object)DayOfWeek.Friday),
        SimRecord.Telemetry(13, "t", (object)'c'),
        SimRecord.Telemetry(14, "t", new Dictionary<string, object?> { ["a"] = 1 }),
    ];

    /// <summary>The same few records for each logical start kind: minute and day boundaries, and a negative sim time.</summary>
    public static SimRecord[] Timestamps() =>
    [
        SimRecord.Telemetry(0, "a", 1.0),
        SimRecord.Telemetry(1.5, "a", 1.0),
        SimRecord.Lifecycle(59.999, new RecordKey("task-", 1), "a", "queued"),
        SimRecord.Lifecycle(61.25, new RecordKey("task-", 1), "a", "started"),
        SimRecord.Telemetry(86_399.9999, "a", 2.0),
        SimRecord.Telemetry(-61.001, "a", 3.0),
    ];

    /// <summary>Random records: every shape, repeated and fresh strings, for comparison with the reference encoder.</summary>
    public static SimRecord[] Random(int seed, int count)
    {
        var random = new Random(seed);
        string[] paths = ["Line_A.service.milling", "Line_B.resources.lathe.in_use", Awkward, NonAscii, "x"];
        string[] statuses = ["queued", "started", "finished", "qu\"é"];
        string[] prefixes = ["task-", "order-", "", NonAscii, Awkward, new string('p', 250)];
        var records = new SimRecord[count];
        for (var i = 0; i < count; i++)
        {
            var time = random.Next(4) switch
            {
                0 => random.NextDouble() * 10,
                1 => random.Next(1_000_000) / 1000.0,
                2 => (random.NextDouble() - 0.5) * 1e7,
                _ => random.Next(100) + 0.0005,
            };
            var path = random.Next(10) == 0 ? "fresh-" + random.Next(100) : paths[random.Next(paths.Length)];
            var key = new RecordKey(prefixes[random.Next(prefixes.Length)], random.Next(5) == 0 ? -1 : random.NextInt64());
            records[i] = random.Next(6) switch
            {
                0 or 1 => SimRecord.Lifecycle(time, key, path, statuses[random.Next(statuses.Length)]),
                2 or 3 => SimRecord.Telemetry(time, path, RandomDouble(random)),
                4 => SimRecord.Telemetry(time, path, random.Next(3) switch { 0 => (object)random.Next(), 1 => random.Next(2) == 0, _ => path }),
                _ => SimRecord.Event(time, key, random.Next(2) == 0
                    ? new Dictionary<string, object?> { ["a"] = RandomDouble(random), [path] = path }
                    : RandomDouble(random)),
            };
        }

        return records;
    }

    private static double RandomDouble(Random random) => random.Next(8) switch
    {
        0 => random.Next(-1000, 1000),
        1 => random.NextDouble(),
        2 => BitConverter.Int64BitsToDouble(random.NextInt64()),
        3 => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-30, 30)),
        4 => random.Next(10) == 0 ? double.NaN : -0.0,
        5 => random.Next(1_000_000) / 1000.0,
        6 => random.Next(2) == 0 ? double.PositiveInfinity : double.NegativeInfinity,
        _ => random.NextInt64() / (double)(1L << random.Next(64)),
    };
}
