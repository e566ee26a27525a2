using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;
using Akka.Serialization;

namespace ActorSim.Actors.Serialization;

/// <summary>
/// Writes every <see cref="Messages.IActorSimMessage"/> as System.Text.Json UTF-8 under a versioned manifest (see
/// <see cref="MessageManifests"/>); infinities and NaN travel as named literals. Bound in <c>cluster-config/actorsim.conf</c>.
/// </summary>
internal sealed class ActorSimMessageSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    /// <summary>The serializer id in <c>akka.actor.serialization-identifiers</c>.</summary>
    public const int Id = 4100;

    private static readonly JsonSerializerOptions Options = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new ItemShipmentConverter() },
    };

    public override int Identifier => Id;

    public override string Manifest(object o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return MessageManifests.Of(o.GetType());
    }

    public override byte[] ToBinary(object obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), Options);
    }

    public override object FromBinary(byte[] bytes, string manifest)
    {
        var (type, singleton) = MessageManifests.Resolve(manifest);
        return singleton ?? JsonSerializer.Deserialize(bytes, type, Options)
            ?? throw new System.Runtime.Serialization.SerializationException($"Message '{manifest}' deserialized to null.");
    }
}
