using ActorSim.Egress.Writers.Parquet.Format;

namespace ActorSim.Egress.Writers.Parquet;

/// <summary>A boolean column, written PLAIN: one bit per value, LSB first.</summary>
internal sealed class BoolColumn(string destination, string name)
    : FixedWidthColumn<bool>(destination, new ColumnSchema(name, PhysicalType.Boolean, LogicalType.None, false), ColumnType.Bool)
{
    public override void SetBool(int row, bool value) => Set(row, value);

    protected override void WritePlain(ReadOnlySpan<bool> values, ByteBuffer body)
    {
        var bytes = body.GetSpan((values.Length + 7) / 8);
        bytes[..((values.Length + 7) / 8)].Clear();
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i])
            {
                bytes[i >> 3] |= (byte)(1 << (i & 7));
            }
        }

        body.Advance((values.Length + 7) / 8);
    }

    protected override bool Accumulate(ReadOnlySpan<bool> values, ref bool min, ref bool max, bool seen)
    {
        foreach (var v in values)
        {
            min = seen ? min & v : v;
            max = seen ? max | v : v;
            seen = true;
        }

        return seen;
    }
}
