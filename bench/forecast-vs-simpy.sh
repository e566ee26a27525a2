#!/usr/bin/env bash
# The forecast benchmark of issue 14 §5, ActorSim against its SimPy peer, in one run:
#   1,000 replications × 8 h of Line_A from its exact snapshot at 3.5 days, KPIs only, with `actorsim forecast`
#   (the whole command, timed), and the same forecast on fewer replications with bench/simpy/forecast_peer.py,
#   scaled by replication. Measures what users run: the CLI published ReadyToRun into a temporary folder (as
#   bench/history.sh does), unless ACTORSIM names another build.
#
#   bench/forecast-vs-simpy.sh
#
# Environment:
#   ACTORSIM               the actorsim command (default: the ReadyToRun publish; e.g.
#                          "dotnet src/ActorSim.Cli/bin/Release/net10.0/actorsim.dll" for the build's output)
#   ACTORSIM_REPLICATIONS  ActorSim's replications (default 1000)
#   SIMPY_REPLICATIONS     the SimPy peer's replications (default 20)
#   PYTHON                 the Python that runs the peer (default: the first of python3, /usr/bin/python3 that imports
#                          simpy (SimPy >= 3) or SimPy (2.3, Debian's python3-simpy))
set -euo pipefail

cd "$(dirname "$0")/.."
actorsim_replications=${ACTORSIM_REPLICATIONS:-1000}
simpy_replications=${SIMPY_REPLICATIONS:-20}

if [[ -z ${PYTHON:-} ]]; then
  for candidate in python3 /usr/bin/python3; do
    if "$candidate" -c 'import simpy' 2>/dev/null || "$candidate" -c 'import SimPy.Simulation' 2>/dev/null; then
      PYTHON=$candidate
      break
    fi
  done
fi
if [[ -z ${PYTHON:-} ]]; then
  echo "forecast-vs-simpy: no Python with SimPy; install python3-simpy (apt-get) or simpy (pip), or set PYTHON" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [[ -n ${ACTORSIM:-} ]]; then
  read -r -a actorsim <<< "$ACTORSIM"
else
  echo "publishing the CLI (ReadyToRun) ..."
  dotnet publish src/ActorSim.Cli -c Release -o "$work/cli" -v quiet -nologo > /dev/null
  actorsim=("$work/cli/actorsim")
fi

# Runs a command with its output (progress included) in the log $1, shown only if it fails.
logged() {
  local log=$1
  shift
  "$@" > "$log" 2>&1 || { cat "$log" >&2; exit 1; }
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "making Line_A's exact snapshot at 3.5 days ..."
logged "$work/history.log" "${actorsim[@]}" history --engine reference --start 2026-01-01T00:00:00 \
  --duration "3.5 days" --snapshot-at "3.5 days" --snapshot-out "$work/mid.json" --dest "$work/history"

echo "actorsim forecast: $actorsim_replications replications ..."
logged "$work/actorsim.log" /usr/bin/time -f '%e %M' -o "$work/actorsim.time" "${actorsim[@]}" forecast \
  --snapshot "$work/mid.json" --horizon "8 hours" --replications "$actorsim_replications" --out "$work/forecast"
grep -m 1 "^forecast of" "$work/actorsim.log" || true

echo "SimPy peer: $simpy_replications replications ..."
logged "$work/simpy.log" /usr/bin/time -f '%e %M' -o "$work/simpy.time" "$PYTHON" bench/simpy/forecast_peer.py \
  --snapshot "$work/mid.json" --horizon 28800 --replications "$simpy_replications" --out "$work/simpy.json"
head -n 1 "$work/simpy.log"

"$PYTHON" - "$work" "$actorsim_replications" <<'EOF'
import json
import sys

work, replications = sys.argv[1], int(sys.argv[2])


def timed(name):
    """(wall seconds, peak resident MB) of a command timed by /usr/bin/time -f '%e %M'."""
    wall, peak_kb = open(f"{work}/{name}.time").read().split()[-2:]
    return float(wall), int(peak_kb) / 1024


actorsim = json.load(open(f"{work}/forecast/summary.json"))
peer = json.load(open(f"{work}/simpy.json"))
actorsim_wall, actorsim_mb = timed("actorsim")
peer_wall, peer_mb = timed("simpy")
# SimPy's time per replication is its replication loop's (without Python's start and the snapshot's read), so that
# scaling it to ActorSim's count does not multiply a fixed cost.
peer_each = peer["seconds_per_replication"]

print()
print(f"{'':<34}{'ActorSim':>22}{'SimPy ' + peer['simpy_version']:>22}")
print(f"{'replications':<34}{replications:>22,}{peer['replications']:>22,}")
print(f"{'whole command (wall)':<34}{actorsim_wall:>21.2f}s{peer_wall:>21.2f}s")
print(f"{'peak memory':<34}{actorsim_mb:>20.0f}MB{peer_mb:>20.0f}MB")
print(f"{'seconds per replication':<34}{actorsim_wall / replications:>22.4f}{peer_each:>22.4f}"
      "   (ActorSim: whole command / replications; SimPy: its replication loop / replications)")
print(f"ratio: SimPy's {peer_each:.4f} s per replication × {replications:,} = {peer_each * replications:,.1f} s, "
      f"against ActorSim's whole command {actorsim_wall:.2f} s: {peer_each * replications / actorsim_wall:.1f} times")
print()
print(f"{'KPI mean ± 95 % half-width':<34}{'ActorSim':>22}{'SimPy':>22}")
for name, mine in actorsim["kpis"].items():
    theirs = peer["kpis"].get(name)
    cells = [f"{s['mean']:,.2f} ± {s['half_width'] or 0:,.2f}" if s else "-" for s in (mine, theirs)]
    print(f"{name:<34}{cells[0]:>22}{cells[1]:>22}")
EOF
