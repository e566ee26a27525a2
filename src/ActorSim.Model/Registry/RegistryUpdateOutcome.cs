namespace ActorSim.Model.Registry;

/// <summary>What became of an update from outside the model.</summary>
public enum RegistryUpdateOutcome
{
    /// <summary>The value changed.</summary>
    Applied,

    /// <summary>The value was already equal: nothing happened.</summary>
    Unchanged,

    /// <summary>No such path: logged and ignored.</summary>
    UnknownPath,

    /// <summary>The value was refused by the path's type or rule: logged and ignored.</summary>
    Refused,
}
