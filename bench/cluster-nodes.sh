# Sourced by the cluster benchmarks (bench/cluster-*.sh), after `cd` to the repository root and with `port` set: a work
# folder, the CLI to run (`actorsim`: the ReadyToRun publish unless ACTORSIM names another build), and worker nodes on
# this machine that the EXIT trap stops.
work=$(mktemp -d)
if [[ -z "${ACTORSIM:-}" ]]; then
  dotnet publish src/ActorSim.Cli -c Release -o "$work/cli" -v quiet -nologo > /dev/null
  ACTORSIM=$work/cli/actorsim
fi
read -r -a actorsim <<< "$ACTORSIM"
nodes=()
stop_nodes() {
  for pid in "${nodes[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${nodes[@]}"; do wait "$pid" 2>/dev/null || true; done
  nodes=()
}
trap 'stop_nodes; rm -rf "$work"' EXIT

# Starts a one-thread worker node on port $1 (seed: $port) with the log $2 and waits until it says it is up; sets `up`
# to the seconds that took. Not called in a subshell: the node's pid must reach `nodes`, so that the trap stops it.
start_node() {
  local node_port=$1 log=$2 start
  start=$(date +%s.%N)
  "${actorsim[@]}" node --port "$node_port" --seed-nodes "127.0.0.1:$port" --parallelism 1 > "$log" 2>&1 &
  nodes+=($!)
  until grep -q " is up$" "$log"; do
    kill -0 "${nodes[-1]}" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.05
  done
  up=$(echo "$(date +%s.%N) - $start" | bc)
}
