namespace ActorSim.Egress.Writers.Parquet.Format;

/// <summary>Parquet's value and level encodings (the Thrift enum <c>Encoding</c>) that ActorSim writes.</summary>
internal enum PageEncoding
{
    Plain = 0,
    Rle = 3,
    RleDictionary = 8,
}
