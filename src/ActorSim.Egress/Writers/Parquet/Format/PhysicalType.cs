namespace ActorSim.Egress.Writers.Parquet.Format;

/// <summary>Parquet's physical types (the values of the Thrift enum <c>Type</c>) that ActorSim writes.</summary>
internal enum PhysicalType
{
    Boolean = 0,
    Int64 = 2,
    Double = 5,
    ByteArray = 6,
}
