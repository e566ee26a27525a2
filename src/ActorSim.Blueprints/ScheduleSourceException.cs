namespace ActorSim.Blueprints;

/// <summary>A production schedule's source cannot be read (a missing file, a malformed row, a refused query).</summary>
public sealed class ScheduleSourceException : Exception
{
    /// <summary>A refusal whose message names the source and what to do.</summary>
    public ScheduleSourceException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
