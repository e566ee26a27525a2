namespace ActorSim.Cli;

/// <summary>The text of <c>actorsim --help</c>; keep it true to the parser.</summary>
internal static class HelpText
{
    public const string Main = """
        actorsim — discrete-event simulation of production lines, into data.

        Usage:
          actorsim history [options]     generate history into Parquet or JSONL chunks, as fast as the CPU allows (factor 0)
                                 unless a blueprint sets simulation.factor
          actorsim --version
          actorsim --help | history --help

        Run 'actorsim history --help' for the history job's options.
        """;

    public const string History = """
        actorsim history — run a model as fast as the CPU allows and write every record.

        With no options it runs the reference model (Line_A: exponential arrivals 2/s, normal(2 s, 0.2 s) milling on
        4 of 10 lathes) for 1 week from now − 7 days, seed 42, drops telemetry and the lag metric, flattens each event's
        value into columns, and writes data/events_000001.parquet, … (batch 5000, flush every simulated day).

        Options:
          --duration D          simulated time to run: '1 week', '2.5 hours', '30 mins', '86400', 'PT8H' (default 1 week)
          --start T             logical start, ISO-8601 ('2026-01-01T00:00:00', with Z for UTC) or 'now' (default now − 7 days);
                                start + duration must not pass 9999-12-31T23:59:59.999
          --seed N              random seed (default 42)
          --format F            parquet | jsonl (default parquet)
          --dest D              a local folder, or s3://bucket/prefix (default data, or $DEST_PATH); it must be empty,
                                unless --overwrite or --append
          --overwrite           remove ActorSim's earlier output in DEST first (chunks, manifest, leftovers of a killed run)
          --append              add this run beside the completed runs in DEST (chunk names carry its run id)
          --batch-size N        records per chunk file, 1 to 1000000 (default 5000)
          --flush-interval D    cut a chunk after this much simulated time; 0 cuts by size only (default 1 day)
          --stall-timeout D     wall-clock time a sink may make no progress before the run fails (default 30 s)
          --keep-telemetry      write telemetry to telemetry.* instead of dropping it
          --partition-by-date   write into Hive-style date=YYYY-MM-DD/ folders
          --model FILE.yaml     run a YAML blueprint (a line, or a plant with lines: and links:); the flags above override it
          --engine E            actors (default: a LineActor per line under a coordinator, an EgressActor per line and
                                sink; Akka.NET) | reference (one engine on this thread, no actors) | windowed (one engine per
                                line, conservative windows); all write the same records, byte for byte
          --parallelism N       line threads for the actor and windowed engines (default: one per core)
          --log-level L         actor engine's Akka log: debug | info | warning | error | off (default warning)
          --merge-lines         plants: write every line into DEST itself, chunk names carrying the line
                                (events_<sim_id>_000001.parquet), instead of one DEST/line=<sim_id>/ folder per line
          --no-create-bucket    fail instead of creating a missing S3 bucket
          --progress P          auto | plain | none (default auto: a live line on a terminal, log lines otherwise)

        Environment (as the seed's history example):
          USE_S3=true           write to S3: bucket/prefix from DEST_PATH (default dml-dev/history)
          S3_ENDPOINT           host:port (http) or http(s)://host:port of an S3-compatible server, no credentials
                                in it (default localhost:8333 with USE_S3)
          S3_ACCESS_KEY, S3_SECRET_KEY   credentials (default user/password with USE_S3; else the AWS chain)
          DEST_PATH             the destination when --dest is not given

        DEST gets _manifest.json last (every run, its chunks with rows, bytes and SHA-256), then _SUCCESS if every run
        in it succeeded; a run holds DEST/_actorsim.lock while it writes.

        Exit codes: 0 done and every record accounted for; 1 the run failed; 2 bad command line; 130 stopped by
        Ctrl+C (SIGINT); 143 stopped by SIGTERM. A stop keeps only whole chunk files, listed in a manifest with
        status stopped; a second signal ends at once.
        """;
}
