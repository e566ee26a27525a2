#!/usr/bin/env bash
# The plant-across-nodes benchmark of issue 16 §4, in one run: the two-stage plant (examples/two-stage-plant.yaml) for
# DURATION (default 1 week) in one process on 2 line threads (the actors engine), and with `history --cluster` on two
# `actorsim node` worker processes of one thread each, on this machine. Prints each run's time, rounds and grants (from
# the coordinator's log), items sent, the cluster's extra time per grant and per item, the rounds per simulated hour
# of both, and checks that the chunk files are the same bytes; then the cluster run with `--placement together`. Then
# the cluster run three ways on the same nodes with `--placement PLACEMENT` (default together), REPEAT times each
# (default 3), alternately: plain (items between lines on one node sent straight), with every item through the
# coordinator (`direct-items = off`), and with `--checkpoint-every CHECKPOINT_EVERY` (default 1 hour); the best of each
# compared (what sending straight saves, what checkpoints cost), and their files checked against the local run's. Runs
# the CLI published ReadyToRun (as users run it), unless ACTORSIM names another build.
#
#   bench/cluster-history.sh
#
# Environment: ACTORSIM, DURATION, CHECKPOINT_EVERY, REPEAT, PLACEMENT, BASE_PORT (default 4063; the nodes take BASE_PORT and BASE_PORT + 1).
set -euo pipefail

cd "$(dirname "$0")/.."
duration=${DURATION:-1 week}
checkpoint_every=${CHECKPOINT_EVERY:-1 hour}
repeat=${REPEAT:-3}
placement=${PLACEMENT:-together}
port=${BASE_PORT:-4063}
# shellcheck source=bench/cluster-nodes.sh
source bench/cluster-nodes.sh

history=("${actorsim[@]}" history --model examples/two-stage-plant.yaml --start 2026-01-01T00:00:00 --duration "$duration" --progress none --log-level info)
"${history[@]}" --parallelism 2 --dest "$work/local" > "$work/local.log" 2>&1 || { cat "$work/local.log" >&2; exit 1; }
start_node "$port" "$work/node1.log"
start_node "$((port + 1))" "$work/node2.log"
cluster=("${history[@]}" --cluster "127.0.0.1:$port" --cluster-workers 2)
"${cluster[@]}" --dest "$work/cluster" > "$work/cluster.log" 2>&1 || { cat "$work/cluster.log" >&2; exit 1; }
"${cluster[@]}" --placement together --dest "$work/together" > "$work/together.log" 2>&1 || { cat "$work/together.log" >&2; exit 1; }
echo 'actorsim.actors.direct-items = off' > "$work/relayed.conf"
for round in $(seq "$repeat"); do
  "${cluster[@]}" --placement "$placement" --dest "$work/plain$round" > "$work/plain$round.log" 2>&1 || { cat "$work/plain$round.log" >&2; exit 1; }
  "${cluster[@]}" --placement "$placement" --cluster-config "$work/relayed.conf" --dest "$work/relayed$round" > "$work/relayed$round.log" 2>&1 \
    || { cat "$work/relayed$round.log" >&2; exit 1; }
  "${cluster[@]}" --placement "$placement" --dest "$work/checkpointed$round" --checkpoint-every "$checkpoint_every" > "$work/checkpointed$round.log" 2>&1 \
    || { cat "$work/checkpointed$round.log" >&2; exit 1; }
done
stop_nodes

diff -r -q -x _manifest.json "$work/local" "$work/cluster" > /dev/null || { echo "the cluster's chunk files differ from the local run's" >&2; exit 1; }
diff -r -q -x _manifest.json "$work/local" "$work/checkpointed1" > /dev/null || { echo "the checkpointed run's chunk files differ from the local run's" >&2; exit 1; }
diff -r -q -x _manifest.json "$work/local" "$work/together" > /dev/null || { echo "the run placed together wrote other chunk files than the local run's" >&2; exit 1; }
diff -r -q -x _manifest.json "$work/local" "$work/relayed1" > /dev/null || { echo "the run with every item through the coordinator wrote other chunk files than the local run's" >&2; exit 1; }

python3 - "$work/local.log" "$work/cluster.log" "$work" "$checkpoint_every" "$repeat" "$placement" <<'PY'
import re, sys
def to_coordinator(path):
    # The per-line traffic lines: "line X ran on NODE: N messages (M MB) to the coordinator, ..."
    return sum(float(m) for m in re.findall(r"\(([\d.]+) MB\) to the coordinator", open(path).read()))
def figures(path):
    text = open(path).read()
    completed = re.search(r"Run completed: (\d+) rounds, (\d+) grants, (\d+) events in ([\d.]+) s", text)
    items = int(re.search(r"([\d,]+) items sent", text).group(1).replace(",", ""))
    simulated = float(re.search(r"Simulated \d+ lines for ([\d.]+) s", text).group(1))
    return int(completed.group(1)), int(completed.group(2)), float(completed.group(4)), items, simulated
local, cluster = figures(sys.argv[1]), figures(sys.argv[2])
for name, (rounds, grants, seconds, items, simulated) in (("one process, 2 line threads", local), ("2 nodes x 1 thread", cluster)):
    print(f"{name:30} {seconds:7.2f} s  {rounds:6} rounds ({rounds / (simulated / 3600):.2f} per simulated hour)  {grants} grants  {items:,} items")
extra = cluster[2] - local[2]
print(f"cluster against one process: {cluster[2] / local[2]:.2f}x the time; {extra:.2f} s more = {1000 * extra / cluster[1]:.2f} ms per grant, "
      f"or {1e6 * extra / cluster[3]:.2f} us per item (all of it put on one or the other)")
print(re.search(r"cluster: .*", open(sys.argv[2]).read()).group(0))
print("the chunk files are the same bytes")
together = figures(f"{sys.argv[3]}/together.log")
print(f"{'2 nodes, --placement together':30} {together[2]:7.2f} s  {together[0]:6} rounds  {together[1]} grants; "
      f"{to_coordinator(f'{sys.argv[3]}/together.log'):.2f} MB from the lines to the coordinator against {to_coordinator(sys.argv[2]):.2f} MB spread; the same bytes")
def ran(path):
    return float(re.search(r"Run completed: \d+ rounds, \d+ grants, \d+ events in ([\d.]+) s", open(path).read()).group(1))
rounds = range(1, int(sys.argv[5]) + 1)
plain = min(ran(f"{sys.argv[3]}/plain{r}.log") for r in rounds)
relayed = min(ran(f"{sys.argv[3]}/relayed{r}.log") for r in rounds)
print(f"--placement {sys.argv[6]}, every item through the coordinator (direct-items = off): best of {len(rounds)} runs {relayed:.2f} s against {plain:.2f} s sent straight between lines on one node "
      f"({to_coordinator(sys.argv[3] + '/relayed1.log'):.2f} MB against {to_coordinator(sys.argv[3] + '/plain1.log'):.2f} MB from the lines to the coordinator); the same bytes")
checkpointed = min(ran(f"{sys.argv[3]}/checkpointed{r}.log") for r in rounds)
text = open(f"{sys.argv[3]}/checkpointed1.log").read()
taken = len(re.findall(r"Checkpoint taken at", text))
def grants(path):
    return int(re.search(r"Run completed: \d+ rounds, (\d+) grants", open(path).read()).group(1))
print(f"checkpointed run: {grants(sys.argv[3] + '/checkpointed1.log')} grants against {grants(sys.argv[3] + '/plain1.log')} "
      f"(each line captures a checkpoint inside its grant; no line waits for another at the instant)")
print(f"checkpoints every {sys.argv[4]}: {taken} taken; best of {len(rounds)} runs {checkpointed:.2f} s against {plain:.2f} s without: "
      f"{100 * (checkpointed / plain - 1):+.1f} % ({1000 * (checkpointed - plain) / max(taken, 1):.2f} ms per checkpoint; "
      f"{to_coordinator(sys.argv[3] + '/checkpointed1.log'):.2f} MB from the lines to the coordinator); the files are the same bytes")
PY
