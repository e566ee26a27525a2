using ActorSim.Egress.Internal;
using ActorSim.Egress.Tests.Support;
using ActorSim.Egress.Writers;
using ActorSim.Model.Records;

namespace ActorSim.Egress.Tests;

/// <summary>
/// Compares the JSONL encoder with <see cref="ReferenceJsonlEncoder"/> (the encoder before the direct UTF-8 fast path)
/// on many records, huge records and past the string caches' bounds, and checks it allocates nothing per record.
/// </summary>
public class JsonlEncoderReferenceTests
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(4, true)]
    public void Jsonl_encoder_should_write_random_records_like_the_reference(int seed, bool flatten)
    {
        var records = EncoderCases.Random(seed, 3000);

        AssertSameAsReference(EncoderCases.UnspecifiedStart, flatten, records);
        AssertSameAsReference(EncoderCases.UtcStart, flatten, records);
        AssertSameAsReference(EncoderCases.LocalStart, flatten, records);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Jsonl_encoder_should_write_like_the_reference_past_the_string_cache_bound(bool flatten)
    {
        var records = Enumerable.Range(0, 12_000).Select(i => (i % 3) switch
        {
            0 => SimRecord.Lifecycle(i / 10.0, new RecordKey("task-" + i + "-\"", i), "path-\t" + i, "status-é" + i),
            1 => SimRecord.Telemetry(i / 10.0, "telemetry-" + i, i * 0.25),
            _ => SimRecord.Lifecycle(i / 10.0, new RecordKey("task-", i), "Line_A.service.milling", "queued"),
        }).ToArray();

        AssertSameAsReference(EncoderCases.UnspecifiedStart, flatten, records);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Jsonl_encoder_should_write_strings_around_the_copy_block_and_cache_length_like_the_reference(bool flatten)
    {
        var texts = new[] { 0, 1, 15, 16, 31, 32, 33, 64, 255, 256, 257, 1000 }
            .SelectMany(n => new[] { new string('a', n), new string('"', n), string.Concat(Enumerable.Repeat("é", n)), new string('\u2028', n) })
            .ToArray();
        var records = texts.SelectMany((text, i) => new[]
        {
            SimRecord.Lifecycle(i, new RecordKey(text, i), text, text),
            SimRecord.Lifecycle(i, RecordKey.Of(text), "a", text),
            SimRecord.Telemetry(i, text, i + 0.5),
        }).ToArray();

        AssertSameAsReference(EncoderCases.UnspecifiedStart, flatten, records);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Jsonl_encoder_should_write_huge_records_like_the_reference(bool flatten)
    {
        var huge = string.Concat(Enumerable.Repeat("\"\u2028é\n", 100_000));
        SimRecord[] records =
        [
            SimRecord.Lifecycle(1, new RecordKey(huge, long.MaxValue), huge, huge),
            SimRecord.Telemetry(2, huge, double.MinValue),
            SimRecord.Lifecycle(3, new RecordKey("task-", 1), "a", "queued"),
            SimRecord.Event(4, RecordKey.Of(huge), new Dictionary<string, object?> { [huge] = huge }),
        ];

        AssertSameAsReference(EncoderCases.UnspecifiedStart, flatten, records);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Jsonl_encoder_should_fail_like_the_reference_on_an_event_with_a_default_key(bool flatten)
    {
        SimRecord[] records = [SimRecord.Lifecycle(1, default, "a", "queued"), SimRecord.Event(2, default, 1.0)];

        foreach (var record in records)
        {
            AssertSameAsReference(EncoderCases.UnspecifiedStart, flatten, [record]);
        }
    }

    [Fact]
    public void Jsonl_encoder_should_not_allocate_per_record_in_steady_state()
    {
        var records = Enumerable.Range(0, 5000).Select(i => i % 4 == 3
            ? SimRecord.Telemetry(i / 6.0, "Line_A.resources.lathe.in_use", i * 0.5)
            : SimRecord.Lifecycle(1.202 + (i / 6.0), new RecordKey("task-", 100_000 + i), EncoderCases.NonAscii, EncoderCases.Awkward)).ToArray();
        var encoder = new JsonlChunkEncoder(EncoderCases.UnspecifiedStart);
        var nested = new RecordBatch(new DestinationStats("t"), false, 1, records, records.Length);
        var flat = new RecordBatch(new DestinationStats("t"), true, 1, records, records.Length);
        for (var i = 0; i < 8; i++)
        {
            EncoderCases.Encode(encoder, i % 2 == 0 ? nested : flat);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10; i++)
        {
            EncoderCases.Encode(encoder, i % 2 == 0 ? nested : flat);
        }

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1024, "allocated per chunk in steady state");
    }

    /// <summary>Both encoders write the same bytes for <paramref name="records"/>, three chunks in a row, or both throw the same exception type.</summary>
    private static void AssertSameAsReference(DateTime start, bool flatten, SimRecord[] records)
    {
        var encoder = new JsonlChunkEncoder(start);
        var reference = new ReferenceJsonlEncoder(start);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(EncodeOrError(reference, flatten, records), EncodeOrError(encoder, flatten, records));
        }
    }

    private static string EncodeOrError(IChunkEncoder encoder, bool flatten, SimRecord[] records)
    {
        try
        {
            return EncoderCases.Encode(encoder, flatten, records);
        }
        catch (Exception e) when (e is ArgumentException or NullReferenceException)
        {
            return e.GetType().Name;
        }
    }
}
