namespace ActorSim.Model.Building;

/// <summary>
/// One step of a task: acquire <see cref="Resource"/>, hold it for a draw of <see cref="Service"/>, release it.
/// With <see cref="HandOff"/>, the previous step's resource is held until this step's resource is acquired.
/// </summary>
/// <param name="Resource">The resource name in the line.</param>
/// <param name="Service">The service distribution name in the line.</param>
/// <param name="HandOff">Keep the previous step's resource until this one is granted.</param>
/// <param name="Priority">The request priority (lower first).</param>
public sealed record TaskStep(string Resource, string Service, bool HandOff = false, int Priority = 1);
