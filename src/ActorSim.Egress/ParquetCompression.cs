namespace ActorSim.Egress;

/// <summary>The compression codec of Parquet chunk pages (Zstd at level 3, Gzip at the "optimal" level).</summary>
public enum ParquetCompression
{
    /// <summary>Snappy (the default): fast, read everywhere.</summary>
    Snappy,

    /// <summary>Zstandard: smaller files, a little slower.</summary>
    Zstd,

    /// <summary>Gzip: widely readable, slowest.</summary>
    Gzip,

    /// <summary>No compression.</summary>
    None,
}
