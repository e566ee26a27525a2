using ActorSim.Egress.Tests.Support;
using ActorSim.Egress.Writers;
using ActorSim.Model.Records;

namespace ActorSim.Egress.Tests;

/// <summary>
/// Pins the JSONL encoder's exact bytes, captured from the <see cref="System.Text.Json.Utf8JsonWriter"/>-only encoder
/// before the direct UTF-8 fast path: every record shape, escaping, non-ASCII text and the three logical start kinds.
/// </summary>
public class JsonlEncoderEquivalenceTests
{
    [Fact]
    public void Jsonl_encoder_should_write_lifecycle_events_nested() => AssertEncodes(EncoderCases.UnspecifiedStart, flatten: false, EncoderCases.Lifecycles(), """
            {"stream_type":"event","sim_ts":1.202,"timestamp":"2026-01-01T00:00:01.202","key":"task-0","value":{"path_id":"Line_A.service.milling","status":"queued"}}
            {"stream_type":"event","sim_ts":1.302,"timestamp":"2026-01-01T00:00:01.302","key":"task-0","value":{"path_id":"Line_A.service.milling","status":"started"}}
            {"stream_type":"event","sim_ts":1.402,"timestamp":"2026-01-01T00:00:01.402","key":"task-0","value":{"path_id":"Line_A.service.milling","status":"finished"}}
            {"stream_type":"event","sim_ts":0.0,"timestamp":"2026-01-01T00:00:00.000","key":"task-9223372036854775807","value":{"path_id":"a","status":"queued"}}
            {"stream_type":"event","sim_ts":-0.5,"timestamp":"2025-12-31T23:59:59.500","key":"task-10","value":{"path_id":"a","status":"queued"}}
            {"stream_type":"event","sim_ts":60.0,"timestamp":"2026-01-01T00:01:00.000","key":"order-7","value":{"path_id":"a","status":"queued"}}
            {"stream_type":"event","sim_ts":60.0,"timestamp":"2026-01-01T00:01:00.000","key":"7","value":{"path_id":"a","status":"queued"}}
            {"stream_type":"event","sim_ts":3600.05,"timestamp":"2026-01-01T01:00:00.050","key":"neg-","value":{"path_id":"a","status":"queued"}}
            {"stream_type":"event","sim_ts":604800.0,"timestamp":"2026-01-08T00:00:00.000","key":"<300 k>12","value":{"path_id":"a","status":"queued"}}
            {"stream_type":"event","sim_ts":31557600.123,"timestamp":"2027-01-01T06:00:00.123","key":"task-1","value":{"path_id":"","status":"started"}}
            {"stream_type":"event","sim_ts":1.202,"timestamp":"2026-01-01T00:00:01.202","key":"task-2","value":{"path_id":"","status":""}}
            """);

    [Fact]
    public void Jsonl_encoder_should_write_lifecycle_events_flattened() => AssertEncodes(EncoderCases.UnspecifiedStart, flatten: true, EncoderCases.Lifecycles(), """
            {"stream_type":"event","sim_ts":1.202,"timestamp":"2026-01-01T00:00:01.202","key":"task-0","path_id":"Line_A.service.milling","status":"queued"}
            {"stream_type":"event","sim_ts":1.302,"timestamp":"2026-01-01T00:00:01.302","key":"task-0","path_id":"Line_A.service.milling","status":"started"}
            {"stream_type":"event","sim_ts":1.402,"timestamp":"2026-01-01T00:00:01.402","key":"task-0","path_id":"Line_A.service.milling","status":"finished"}
            {"stream_type":"event","sim_ts":0.0,"timestamp":"2026-01-01T00:00:00.000","key":"task-9223372036854775807","path_id":"a","status":"queued"}
            {"stream_type":"event","sim_ts":-0.5,"timestamp":"2025-12-31T23:59:59.500","key":"task-10","path_id":"a","status":"queued"}
            {"stream_type":"event","sim_ts":60.0,"timestamp":"2026-01-01T00:01:00.000","key":"order-7","path_id":"a","status":"queued"}
            {"stream_type":"event","sim_ts":60.0,"timestamp":"2026-01-01T00:01:00.000","key":"7","path_id":"a","status":"queued"}
            {"stream_type":"event","sim_ts":3600.05,"timestamp":"2026-01-01T01:00:00.050","key":"neg-","path_id":"a","status":"queued"}
            {"stream_type":"event","sim_ts":604800.0,"timestamp":"2026-01-08T00:00:00.000","key":"<300 k>12","path_id":"a","status":"queued"}
            {"stream_type":"event","sim_ts":31557600.123,"timestamp":"2027-01-01T06:00:00.123","key":"task-1","path_id":"","status":"started"}
            {"stream_type":"event","sim_ts":1.202,"timestamp":"2026-01-01T00:00:01.202","key":"task-2","path_id":"","status":""}
            """);

    [Fact]
    public void Jsonl_encoder_should_write_custom_event_values_nested() => AssertEncodes(EncoderCases.UnspecifiedStart, flatten: false, EncoderCases.CustomEvents(), """
            {"stream_type":"event","sim_ts":5.0,"timestamp":"2026-01-01T00:00:05.000","key":"order-7","value":{"part":"gear","count":3,"weight":1.5,"nan":null,"none":null,"flag":false,"nested":{"a":1,"b":[1,2]},"list":[1,"a",null,2.25]}}
            {"stream_type":"event","sim_ts":5.5,"timestamp":"2026-01-01T00:00:05.500","key":"evt-1","value":"plain"}
            {"stream_type":"event","sim_ts":6.0,"timestamp":"2026-01-01T00:00:06.000","key":"evt-2","value":null}
            {"stream_type":"event","sim_ts":6.5,"timestamp":"2026-01-01T00:00:06.500","key":"evt-3","value":42}
            {"stream_type":"event","sim_ts":7.0,"timestamp":"2026-01-01T00:00:07.000","key":"evt-4","value":{"1":"one","2":"two"}}
            {"stream_type":"event","sim_ts":7.5,"timestamp":"2026-01-01T00:00:07.500","key":"evt-5","value":{}}
            {"stream_type":"event","sim_ts":8.0,"timestamp":"2026-01-01T00:00:08.000","key":"evt-6","value":{"x":1,"y":"Friday"}}
            {"stream_type":"event","sim_ts":8.5,"timestamp":"2026-01-01T00:00:08.500","key":"evt-7","value":"2026-02-03T04:05:06.789Z"}
            {"stream_type":"event","sim_ts":9.0,"timestamp":"2026-01-01T00:00:09.000","key":"evt-8","value":["a","b"]}
            {"stream_type":"event","sim_ts":9.5,"timestamp":"2026-01-01T00:00:09.500","key":"task-9","value":{"path_id":"mixed.path","status":"queued"}}
            """);

    [Fact]
    public void Jsonl_encoder_should_write_custom_event_values_flattened() => AssertEncodes(EncoderCases.UnspecifiedStart, flatten: true, EncoderCases.CustomEvents(), """
            {"stream_type":"event","sim_ts":5.0,"timestamp":"2026-01-01T00:00:05.000","key":"order-7","part":"gear","count":3,"weight":1.5,"nan":null,"none":null,"flag":false,"nested":{"a":1,"b":[1,2]},"list":[1,"a",null,2.25]}
            {"stream_type":"event","sim_ts":5.5,"timestamp":"2026-01-01T00:00:05.500","key":"evt-1","value":"plain"}
            {"stream_type":"event","sim_ts":6.0,"timestamp":"2026-01-01T00:00:06.000","key":"evt-2","value":null}
            {"stream_type":"event","sim_ts":6.5,"timestamp":"2026-01-01T00:00:06.500","key":"evt-3","value":42}
            {"stream_type":"event","sim_ts":7.0,"timestamp":"2026-01-01T00:00:07.000","key":"evt-4","1":"one","2":"two"}
            {"stream_type":"event","sim_ts":7.5,"timestamp":"2026-01-01T00:00:07.500","key":"evt-5"}
            {"stream_type":"event","sim_ts":8.0,"timestamp":"2026-01-01T00:00:08.000","key":"evt-6","x":1,"y":"Friday"}
            {"stream_type":"event","sim_ts":8.5,"timestamp":"2026-01-01T00:00:08.500","key":"evt-7","value":"2026-02-03T04:05:06.789Z"}
            {"stream_type":"event","sim_ts":9.0,"timestamp":"2026-01-01T00:00:09.000","key":"evt-8","value":["a","b"]}
            {"stream_type":"event","sim_ts":9.5,"timestamp":"2026-01-01T00:00:09.500","key":"task-9","path_id":"mixed.path","status":"queued"}
            """);

    [Fact]
    public void Jsonl_encoder_should_write_numeric_telemetry_like_Utf8JsonWriter() => AssertEncodes(EncoderCases.UnspecifiedStart, flatten: false, EncoderCases.NumericTelemetry(), """
            {"stream_type":"telemetry","sim_ts":0.0,"timestamp":"2026-01-01T00:00:00.000","path_id":"Line_A.resources.lathe.in_use","value":3.5}
            {"stream_type":"telemetry","sim_ts":1.0,"timestamp":"2026-01-01T00:00:01.000","path_id":"Line_A.resources.lathe.in_use","value":3}
            {"stream_type":"telemetry","sim_ts":2.0,"timestamp":"2026-01-01T00:00:02.000","path_id":"n","value":0}
            {"stream_type":"telemetry","sim_ts":3.0,"timestamp":"2026-01-01T00:00:03.000","path_id":"n","value":-0}
            {"stream_type":"telemetry","sim_ts":4.0,"timestamp":"2026-01-01T00:00:04.000","path_id":"n","value":null}
            {"stream_type":"telemetry","sim_ts":5.0,"timestamp":"2026-01-01T00:00:05.000","path_id":"n","value":null}
            {"stream_type":"telemetry","sim_ts":6.0,"timestamp":"2026-01-01T00:00:06.000","path_id":"n","value":null}
            {"stream_type":"telemetry","sim_ts":7.0,"timestamp":"2026-01-01T00:00:07.000","path_id":"n","value":1E+20}
            {"stream_type":"telemetry","sim_ts":8.0,"timestamp":"2026-01-01T00:00:08.000","path_id":"n","value":1E+21}
            {"stream_type":"telemetry","sim_ts":9.0,"timestamp":"2026-01-01T00:00:09.000","path_id":"n","value":1E-07}
            {"stream_type":"telemetry","sim_ts":10.0,"timestamp":"2026-01-01T00:00:10.000","path_id":"n","value":0.30000000000000004}
            {"stream_type":"telemetry","sim_ts":11.0,"timestamp":"2026-01-01T00:00:11.000","path_id":"n","value":1.7976931348623157E+308}
            {"stream_type":"telemetry","sim_ts":12.0,"timestamp":"2026-01-01T00:00:12.000","path_id":"n","value":5E-324}
            {"stream_type":"telemetry","sim_ts":13.0,"timestamp":"2026-01-01T00:00:13.000","path_id":"n","value":-123.456}
            {"stream_type":"telemetry","sim_ts":14.0,"timestamp":"2026-01-01T00:00:14.000","path_id":"n","value":1.2345678901234567E+19}
            {"stream_type":"telemetry","sim_ts":15.0,"timestamp":"2026-01-01T00:00:15.000","path_id":"n","value":0.3333333333333333}
            {"stream_type":"telemetry","sim_ts":16.0,"timestamp":"2026-01-01T00:00:16.000","path_id":"n","value":123456789012345}
            {"stream_type":"telemetry","sim_ts":17.0,"timestamp":"2026-01-01T00:00:17.000","path_id":"n","value":-1E-300}
            """);

    [Fact]
    public void Jsonl_encoder_should_write_custom_telemetry_values() => AssertEncodes(EncoderCases.UnspecifiedStart, flatten: true, EncoderCases.CustomTelemetry(), """
            {"stream_type":"telemetry","sim_ts":1.0,"timestamp":"2026-01-01T00:00:01.000","path_id":"t","value":true}
            {"stream_type":"telemetry","sim_ts":2.0,"timestamp":"2026-01-01T00:00:02.000","path_id":"t","value":false}
            {"stream_type":"telemetry","sim_ts":3.0,"timestamp":"2026-01-01T00:00:03.000","path_id":"t","value":5}
            {"stream_type":"telemetry","sim_ts":4.0,"timestamp":"2026-01-01T00:00:04.000","path_id":"t","value":7}
            {"stream_type":"telemetry","sim_ts":5.0,"timestamp":"2026-01-01T00:00:05.000","path_id":"t","value":"text \"q\""}
            {"stream_type":"telemetry","sim_ts":6.0,"timestamp":"2026-01-01T00:00:06.000","path_id":"t","value":2.5}
            {"stream_type":"telemetry","sim_ts":7.0,"timestamp":"2026-01-01T00:00:07.000","path_id":"t","value":1.10}
            {"stream_type":"telemetry","sim_ts":8.0,"timestamp":"2026-01-01T00:00:08.000","path_id":"t","value":18446744073709551615}
            {"stream_type":"telemetry","sim_ts":9.0,"timestamp":"2026-01-01T00:00:09.000","path_id":"t","value":null}
            {"stream_type":"telemetry","sim_ts":10.0,"timestamp":"2026-01-01T00:00:10.000","path_id":"t","value":0.1}
            {"stream_type":"telemetry","sim_ts":11.0,"timestamp":"2026-01-01T00:00:11.000","path_id":"t","value":"2026-02-03T04:05:06.789"}
            {"stream_type":"telemetry","sim_ts":12.0,"timestamp":"2026-01-01T00:00:12.000","path_id":"t","value":"Friday"}
            {"stream_type":"telemetry","sim_ts":13.0,"timestamp":"2026-01-01T00:00:13.000","path_id":"t","value":"c"}
            {"stream_type":"telemetry","sim_ts":14.0,"timestamp":"2026-01-01T00:00:14.000","path_id":"t","value":{"a":1}}
            """);

    [Fact]
    public void Jsonl_encoder_should_escape_keys_path_ids_and_statuses_nested() => AssertEncodes(EncoderCases.UnspecifiedStart, flatten: false, EncoderCases.EscapedText(), """
            {"stream_type":"event","sim_ts":1.0,"timestamp":"2026-01-01T00:00:01.000","key":"q\"b\\s/<b>&'\t\n\r\b\f\u0001\u001F\u007F\u0085\u00A0\u2028\u2029\uFEFF\uD83D\uDE005","value":{"path_id":"q\"b\\s/<b>&'\t\n\r\b\f\u0001\u001F\u007F\u0085\u00A0\u2028\u2029\uFEFF\uD83D\uDE00","status":"q\"b\\s/<b>&'\t\n\r\b\f\u0001\u001F\u007F\u0085\u00A0\u2028\u2029\uFEFF\uD83D\uDE00"}}
            {"stream_type":"event","sim_ts":2.0,"timestamp":"2026-01-01T00:00:02.000","key":"q\"b\\s/<b>&'\t\n\r\b\f\u0001\u001F\u007F\u0085\u00A0\u2028\u2029\uFEFF\uD83D\uDE00","value":{"path_id":"Line\"A\\.x","status":"qu\"eued"}}
            {"stream_type":"event","sim_ts":3.0,"timestamp":"2026-01-01T00:00:03.000","key":"tâche-日本-Ωμέγα-3","value":{"path_id":"tâche-日本-Ωμέγα-path","status":"fini-é"}}
            {"stream_type":"event","sim_ts":6.0,"timestamp":"2026-01-01T00:00:06.000","key":"pair-\uD83D\uDE002","value":{"path_id":"\uD83D\uDE00","status":"\uD83D\uDE00"}}
            {"stream_type":"telemetry","sim_ts":7.0,"timestamp":"2026-01-01T00:00:07.000","path_id":"q\"b\\s/<b>&'\t\n\r\b\f\u0001\u001F\u007F\u0085\u00A0\u2028\u2029\uFEFF\uD83D\uDE00","value":1.5}
            {"stream_type":"telemetry","sim_ts":8.0,"timestamp":"2026-01-01T00:00:08.000","path_id":"tâche-日本-Ωμέγα-","value":"tâche-日本-Ωμέγα-"}
            {"stream_type":"event","sim_ts":9.0,"timestamp":"2026-01-01T00:00:09.000","key":"tâche-日本-Ωμέγα-9","value":{"q\"b\\s/<b>&'\t\n\r\b\f\u0001\u001F\u007F\u0085\u00A0\u2028\u2029\uFEFF\uD83D\uDE00":"q\"b\\s/<b>&'\t\n\r\b\f\u0001\u001F\u007F\u0085\u00A0\u2028\u2029\uFEFF\uD83D\uDE00","tâche-日本-Ωμέγα-":"tâche-日本-Ωμέγα-"}}
            """);

    [Fact]
    public void Jsonl_encoder_should_escape_keys_path_ids_and_statuses_flattened() => AssertEncodes(EncoderCases.UnspecifiedStart, flatten: true, EncoderCases.EscapedText(), """
            {"stream_type":"event","sim_ts":1.0,"timestamp":"2026-01-01T00:00:01.000","key":"q\"b\\s/<b>&'\t\n\r\b\f\u0001\u001F\u007F\u0085\u00A0\u2028\u2029\uFEFF\uD83D\uDE005","path_id":"q\"b\\s/<b>&'\t\n\r\b\f\u0001\u001F\u007F\u0085\u00A0\u2028\u2029\uFEFF\uD83D\uDE00","status":"q\"b\\s/<b>&'\t\n\r\b\f\u0001\u001F\u007F\u0085\u00A0\u2028\u2029\uFEFF\uD83D\uDE00"}
            {"stream_type":"event","sim_ts":2.0,"timestamp":"2026-01-01T00:00:02.000","key":"q\"b\\s/<b>&'\t\n\r\b\f\u0001\u001F\u007F\u0085\u00A0\u2028\u2029\uFEFF\uD83D\uDE00","path_id":"Line\"A\\.x","status":"qu\"eued"}
            {"stream_type":"event","sim_ts":3.0,"timestamp":"2026-01-01T00:00:03.000","key":"tâche-日本-Ωμέγα-3","path_id":"tâche-日本-Ωμέγα-path","status":"fini-é"}
            {"stream_type":"event","sim_ts":6.0,"timestamp":"2026-01-01T00:00:06.000","key":"pair-\uD83D\uDE002","path_id":"\uD83D\uDE00","status":"\uD83D\uDE00"}
            {"stream_type":"telemetry","sim_ts":7.0,"timestamp":"2026-01-01T00:00:07.000","path_id":"q\"b\\s/<b>&'\t\n\r\b\f\u0001\u001F\u007F\u0085\u00A0\u2028\u2029\uFEFF\uD83D\uDE00","value":1.5}
            {"stream_type":"telemetry","sim_ts":8.0,"timestamp":"2026-01-01T00:00:08.000","path_id":"tâche-日本-Ωμέγα-","value":"tâche-日本-Ωμέγα-"}
            {"stream_type":"event","sim_ts":9.0,"timestamp":"2026-01-01T00:00:09.000","key":"tâche-日本-Ωμέγα-9","q\"b\\s/<b>&'\t\n\r\b\f\u0001\u001F\u007F\u0085\u00A0\u2028\u2029\uFEFF\uD83D\uDE00":"q\"b\\s/<b>&'\t\n\r\b\f\u0001\u001F\u007F\u0085\u00A0\u2028\u2029\uFEFF\uD83D\uDE00","tâche-日本-Ωμέγα-":"tâche-日本-Ωμέγα-"}
            """);

    [Fact]
    public void Jsonl_encoder_should_write_unspecified_start_timestamps_without_zone() => AssertEncodes(EncoderCases.UnspecifiedStart, flatten: false, EncoderCases.Timestamps(), """
            {"stream_type":"telemetry","sim_ts":0.0,"timestamp":"2026-01-01T00:00:00.000","path_id":"a","value":1}
            {"stream_type":"telemetry","sim_ts":1.5,"timestamp":"2026-01-01T00:00:01.500","path_id":"a","value":1}
            {"stream_type":"event","sim_ts":59.999,"timestamp":"2026-01-01T00:00:59.999","key":"task-1","value":{"path_id":"a","status":"queued"}}
            {"stream_type":"event","sim_ts":61.25,"timestamp":"2026-01-01T00:01:01.250","key":"task-1","value":{"path_id":"a","status":"started"}}
            {"stream_type":"telemetry","sim_ts":86400.0,"timestamp":"2026-01-02T00:00:00.000","path_id":"a","value":2}
            {"stream_type":"telemetry","sim_ts":-61.001,"timestamp":"2025-12-31T23:58:58.999","path_id":"a","value":3}
            """);

    [Fact]
    public void Jsonl_encoder_should_write_utc_start_timestamps_with_Z() => AssertEncodes(EncoderCases.UtcStart, flatten: false, EncoderCases.Timestamps(), """
            {"stream_type":"telemetry","sim_ts":0.0,"timestamp":"2026-01-01T23:59:59.000Z","path_id":"a","value":1}
            {"stream_type":"telemetry","sim_ts":1.5,"timestamp":"2026-01-02T00:00:00.500Z","path_id":"a","value":1}
            {"stream_type":"event","sim_ts":59.999,"timestamp":"2026-01-02T00:00:58.999Z","key":"task-1","value":{"path_id":"a","status":"queued"}}
            {"stream_type":"event","sim_ts":61.25,"timestamp":"2026-01-02T00:01:00.250Z","key":"task-1","value":{"path_id":"a","status":"started"}}
            {"stream_type":"telemetry","sim_ts":86400.0,"timestamp":"2026-01-02T23:59:59.000Z","path_id":"a","value":2}
            {"stream_type":"telemetry","sim_ts":-61.001,"timestamp":"2026-01-01T23:58:57.999Z","path_id":"a","value":3}
            """);

    [Fact]
    public void Jsonl_encoder_should_write_local_start_timestamps_with_offset() => AssertEncodes(EncoderCases.LocalStart, flatten: true, EncoderCases.Timestamps(), """
            {"stream_type":"telemetry","sim_ts":0.0,"timestamp":"2026-01-01T00:00:00.000+LOCAL","path_id":"a","value":1}
            {"stream_type":"telemetry","sim_ts":1.5,"timestamp":"2026-01-01T00:00:01.500+LOCAL","path_id":"a","value":1}
            {"stream_type":"event","sim_ts":59.999,"timestamp":"2026-01-01T00:00:59.999+LOCAL","key":"task-1","path_id":"a","status":"queued"}
            {"stream_type":"event","sim_ts":61.25,"timestamp":"2026-01-01T00:01:01.250+LOCAL","key":"task-1","path_id":"a","status":"started"}
            {"stream_type":"telemetry","sim_ts":86400.0,"timestamp":"2026-01-02T00:00:00.000+LOCAL","path_id":"a","value":2}
            {"stream_type":"telemetry","sim_ts":-61.001,"timestamp":"2025-12-31T23:58:58.999+LOCAL","path_id":"a","value":3}
            """);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Jsonl_encoder_should_write_lone_surrogates_in_keys_and_values_as_replacement_characters(bool flatten)
    {
        var lone = EncoderCases.LoneSurrogates();
        var lines = string.Concat(new[] { lone[0], lone[1], lone[5], lone[6] }.Select(r => EncoderCases.Encode(new JsonlChunkEncoder(EncoderCases.UnspecifiedStart), flatten, r)));

        var expected = flatten ? """
            {"stream_type":"event","sim_ts":1.0,"timestamp":"2026-01-01T00:00:01.000","key":"lone-\uFFFD1","path_id":"a","status":"queued"}
            {"stream_type":"event","sim_ts":2.0,"timestamp":"2026-01-01T00:00:02.000","key":"lone-\uFFFD","path_id":"a","status":"queued"}
            {"stream_type":"telemetry","sim_ts":6.0,"timestamp":"2026-01-01T00:00:06.000","path_id":"t","value":"lone-\uFFFD"}
            {"stream_type":"event","sim_ts":7.0,"timestamp":"2026-01-01T00:00:07.000","key":"evt-1","\uFFFD":1}
            """ : """
            {"stream_type":"event","sim_ts":1.0,"timestamp":"2026-01-01T00:00:01.000","key":"lone-\uFFFD1","value":{"path_id":"a","status":"queued"}}
            {"stream_type":"event","sim_ts":2.0,"timestamp":"2026-01-01T00:00:02.000","key":"lone-\uFFFD","value":{"path_id":"a","status":"queued"}}
            {"stream_type":"telemetry","sim_ts":6.0,"timestamp":"2026-01-01T00:00:06.000","path_id":"t","value":"lone-\uFFFD"}
            {"stream_type":"event","sim_ts":7.0,"timestamp":"2026-01-01T00:00:07.000","key":"evt-1","value":{"\uFFFD":1}}
            """;
        Assert.Equal(expected + "\n", lines);
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    [InlineData(4, true)]
    public void Jsonl_encoder_should_reject_lone_surrogates_in_path_ids_and_statuses(int index, bool flatten)
    {
        var record = EncoderCases.LoneSurrogates()[index];

        Assert.Throws<ArgumentException>(() => EncoderCases.Encode(new JsonlChunkEncoder(EncoderCases.UnspecifiedStart), flatten, record));
    }

    /// <summary>Encodes the records three times with one encoder (both output buffers, warm caches) and compares each chunk.</summary>
    private static void AssertEncodes(DateTime start, bool flatten, SimRecord[] records, string expectedLines)
    {
        var offset = TimeZoneInfo.Local.GetUtcOffset(EncoderCases.LocalStart);
        var local = (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", System.Globalization.CultureInfo.InvariantCulture);
        var expected = expectedLines.Replace("<300 k>", new string('k', 300), StringComparison.Ordinal)
            .Replace("+LOCAL", local, StringComparison.Ordinal) + "\n";
        var encoder = new JsonlChunkEncoder(start);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(expected, EncoderCases.Encode(encoder, flatten, records));
        }
    }
}
