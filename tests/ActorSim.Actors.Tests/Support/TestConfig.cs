using Akka.Configuration;

namespace ActorSim.Actors.Tests.Support;

/// <summary>The configuration every actor test runs with: messages serialized on every send, creators not.</summary>
internal static class TestConfig
{
    public static ActorRunnerSettings Settings { get; } = ActorRunnerSettings.Default with { SerializeMessages = true, LogLevel = "WARNING" };

    public static Config ForTestKit(ActorRunnerSettings? settings = null) => (settings ?? Settings).ToConfig();
}
