namespace ActorSim.Model.Registry;

/// <summary>The type of a registry path's value; updates of another type are converted when safe.</summary>
public enum ParameterType
{
    /// <summary>true or false.</summary>
    Bool,

    /// <summary>A whole number (64-bit).</summary>
    Int,

    /// <summary>A finite double.</summary>
    Double,

    /// <summary>Text.</summary>
    String,
}
