using Parquet.Schema;

namespace ActorSim.Egress.Writers.Parquet;

/// <summary>A required double column (<c>sim_ts</c>).</summary>
internal sealed class RequiredDoubleColumn(string destination, string name)
    : RequiredColumn<double>(destination, new DataField(name, typeof(double), false), ColumnType.Double)
{
    public override void SetDouble(int row, double value) => Values[row] = value;
}
