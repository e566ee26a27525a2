using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;
using Akka.Serialization;

namespace ActorSim.Actors.Serialization;

/// <summary>
/// Writes every <see cref="Messages.IActorSimMessage"/> under a versioned manifest (see <see cref="MessageManifests"/>):
/// grants and reports, which carry items in transit, in binary (<see cref="GrantBinary"/>); the others as
/// System.Text.Json UTF-8, infinities and NaN as named literals. Bound in <c>cluster-config/actorsim.conf</c>.
/// Counts each line's messages and bytes (<see cref="WireTraffic"/>).
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

    private readonly WireTraffic _traffic = WireTraffic.For(system);

    public override int Identifier => Id;

    public override string Manifest(object o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return MessageManifests.Of(o.GetType());
    }

    public override byte[] ToBinary(object obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var bytes = obj switch
        {
            Messages.Grant grant => GrantBinary.Write(grant),
            Messages.GrantDone done => GrantBinary.Write(done),
            _ => JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), Options),
        };
        _traffic.Count(obj, bytes.Length, sent: true);
        return bytes;
    }

    public override object FromBinary(byte[] bytes, string manifest)
    {
        var (type, singleton) = MessageManifests.Resolve(manifest);
        var message = singleton ?? (MessageManifests.IsBinary(manifest) ? GrantBinary.Read(bytes, manifest) : JsonSerializer.Deserialize(bytes, type, Options))
            ?? throw new System.Runtime.Serialization.SerializationException($"Message '{manifest}' deserialized to null.");
        _traffic.Count(message, bytes.Length, sent: false);
        return message;
    }
}
