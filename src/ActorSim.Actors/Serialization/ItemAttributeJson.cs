namespace ActorSim.Actors.Serialization;

/// <summary>One attribute of an item on the wire; exactly one of the values is set (string, integer, number or flag).</summary>
/// <param name="Name">The attribute's name.</param>
/// <param name="Text">A string value.</param>
/// <param name="Integer">An integer value (any .NET integer type travels as a long).</param>
/// <param name="Number">A floating-point value.</param>
/// <param name="Flag">A boolean value.</param>
internal sealed record ItemAttributeJson(string Name, string? Text = null, long? Integer = null, double? Number = null, bool? Flag = null);
