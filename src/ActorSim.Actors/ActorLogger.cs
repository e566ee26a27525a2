namespace ActorSim.Actors;

/// <summary>Where a run's Akka log events go (<c>actorsim.actors.logger</c>).</summary>
public enum ActorLogger
{
    /// <summary>Akka's standard-out logger: one line per event, templates rendered (<c>console</c>, the default).</summary>
    Console,

    /// <summary>
    /// The Akka.Logger.Serilog adapter (<c>serilog</c>): events go to Serilog's static <c>Log.Logger</c>, which the host
    /// configures, with the template's named values as structured properties.
    /// </summary>
    Serilog,
}
