#!/usr/bin/env bash
# The cluster forecast benchmark of issue 15 §5, in one run: Line_A's 8 hours from its exact snapshot at 3.5 days,
# REPLICATIONS replications (default 400), as a local forecast on 1 and 2 threads and as `forecast --cluster` on one and
# on two `actorsim node` worker processes of one thread each, all on this machine. Prints each whole command's wall
# time, the ratios, the time for a node to come Up and for a job to reach a worker and be built (from the nodes'
# logs), and checks that every summary.json is the local one byte for byte. Measures what users run: the CLI published
# ReadyToRun into a temporary folder (as bench/history.sh does), unless ACTORSIM names another.
#
#   bench/cluster-forecast.sh
#
# Environment: ACTORSIM (default: the ReadyToRun publish; e.g. "dotnet src/ActorSim.Cli/bin/Release/net10.0/actorsim.dll"
# for the build's output), REPLICATIONS, REPEAT (rounds of warm cluster and local runs, interleaved; default 3),
# BASE_PORT (default 4053; the nodes take BASE_PORT and BASE_PORT + 1).
set -euo pipefail

cd "$(dirname "$0")/.."
replications=${REPLICATIONS:-400}
repeat=${REPEAT:-3}
port=${BASE_PORT:-4053}
# shellcheck source=bench/cluster-nodes.sh
source bench/cluster-nodes.sh

# The wall seconds of a command, its output in the log $1 (shown only if it fails).
timed() {
  local log=$1
  shift
  local start end
  start=$(date +%s.%N)
  "$@" > "$log" 2>&1 || { cat "$log" >&2; exit 1; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

# Seconds between a worker's first sight of the client joining and its job built (both in the node's log, ISO times).
shipping() {
  python3 - "$1" <<'PY'
import re, sys
from datetime import datetime
lines = open(sys.argv[1]).read().splitlines()
def at(pattern):
    line = next((l for l in lines if re.search(pattern, l)), None)
    if line is None:
        print("n/a (not in the log)")
        sys.exit(0)
    return datetime.strptime(re.search(r"\]\[(\d\d/\d\d/\d{4} [\d:.]+)Z\]", line).group(1), "%m/%d/%Y %H:%M:%S.%f")
seconds = (at(r"Forecast job \w+ received") - at(r"\[client\] is Joining")).total_seconds()
print(f"{seconds:.3f}")
PY
}

echo "machine: $(nproc) cores; $replications replications of Line_A's 8 hours"
"${actorsim[@]}" history --engine reference --start 2026-01-01T00:00:00 --duration "3.5 days" --snapshot-at "3.5 days" \
  --snapshot-out "$work/mid.json" --dest "$work/history" > "$work/history.log" 2>&1
forecast=("${actorsim[@]}" forecast --snapshot "$work/mid.json" --horizon "8 hours" --replications "$replications" --progress none)

local1=$(timed "$work/local1.log" "${forecast[@]}" --parallelism 1 --out "$work/local1")
local2=$(timed "$work/local2.log" "${forecast[@]}" --parallelism 2 --out "$work/local2")

start_node "$port" "$work/node1.log"
up1=$up
cluster1=$(timed "$work/cluster1.log" "${forecast[@]}" --cluster "127.0.0.1:$port" --out "$work/cluster1")
ship1=$(shipping "$work/node1.log")
start_node "$((port + 1))" "$work/node2.log"
up2=$up
# The client learns the members from the seed: wait until the seed has seen the second worker come Up.
until grep -q "127.0.0.1:$((port + 1)) \[worker\] is Up" "$work/node1.log"; do sleep 0.05; done
cluster2=$(timed "$work/cluster2.log" "${forecast[@]}" --cluster "127.0.0.1:$port" --out "$work/cluster2")
ship2=$(shipping "$work/node2.log")
# Nodes are long-lived: the same forecast again finds both warm (JIT done) and the job in their caches. The cost of
# the cluster is a ratio of two runs seconds apart on a shared machine whose speed drifts: REPEAT rounds of the local
# 2-thread run and the warm cluster run, interleaved, give the ratio of the best of each and the median ratio.
warms=()
locals=("$local2")
for round in $(seq "$repeat"); do
  warms+=("$(timed "$work/warm$round.log" "${forecast[@]}" --cluster "127.0.0.1:$port" --out "$work/warm$round")")
  locals+=("$(timed "$work/again$round.log" "${forecast[@]}" --parallelism 2 --out "$work/again$round")")
done
stop_nodes

for out in local2 cluster1 cluster2 $(for round in $(seq "$repeat"); do echo "warm$round again$round"; done); do
  cmp -s "$work/local1/summary.json" "$work/$out/summary.json" || { echo "$out/summary.json differs from the local one" >&2; exit 1; }
done

printf '%-44s %8.2f s\n' "local, 1 thread" "$local1" "local, 2 threads" "$local2" \
  "cluster, 1 worker process x 1 thread" "$cluster1" "cluster, 2 worker processes x 1 thread" "$cluster2"
printf 'cluster 2 workers against 1 worker: %.2fx faster\n' "$(echo "$cluster1 / $cluster2" | bc -l)"
printf 'cluster 2 workers against local 2 threads: %.2fx the time (the cost of the cluster), both nodes cold\n' \
  "$(echo "$cluster2 / $local2" | bc -l)"
python3 - "${warms[*]}" "${locals[*]}" <<'PY'
import statistics, sys
warms = [float(x) for x in sys.argv[1].split()]
locals_ = [float(x) for x in sys.argv[2].split()]
# Round r's warm cluster run sits between local run r (before it) and r + 1 (after it): its ratio is to their mean.
ratios = [w / ((locals_[r] + locals_[r + 1]) / 2) for r, w in enumerate(warms)]
print("both nodes warm, %d rounds interleaved with local 2-thread runs:" % len(warms))
print("  cluster " + " ".join("%.2f" % w for w in warms) + " s; local " + " ".join("%.2f" % l for l in locals_) + " s")
print("  the cost of the cluster: %.2fx (best against best), median of the rounds %.2fx (%s)"
      % (min(warms) / min(locals_), statistics.median(ratios), " ".join("%.2f" % r for r in ratios)))
PY
printf 'a node up after its start: %.2f s (first, a seed), %.2f s (second, joining)\n' "$up1" "$up2"
printf 'a job shipped and built on a worker after the client joined: %s s (first worker), %s s (second)\n' "$ship1" "$ship2"
echo "every summary.json is the local one, byte for byte"
grep -h "^worker " "$work/cluster2.log" || true
