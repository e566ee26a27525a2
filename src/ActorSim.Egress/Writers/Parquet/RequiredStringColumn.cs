using Parquet.Schema;

namespace ActorSim.Egress.Writers.Parquet;

/// <summary>A required string column (<c>stream_type</c>).</summary>
internal sealed class RequiredStringColumn(string destination, string name)
    : RequiredColumn<ReadOnlyMemory<char>>(destination, new DataField(name, typeof(string), false), ColumnType.String)
{
    public override void SetString(int row, ReadOnlyMemory<char> value) => Values[row] = value;
}
