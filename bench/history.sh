#!/usr/bin/env bash
# Times `actorsim history` end to end (wall seconds and peak memory, from /usr/bin/time), as users run it:
#   bench/history.sh            # week → Parquet (actors, reference), week → JSONL, year → Parquet (memory), week → S3 on moto
#   REPEAT=5 bench/history.sh   # best and median of 5 runs each (default 3)
# The CLI is published as `dotnet publish` makes it: ReadyToRun (everything precompiled but the hot loops; see ActorSim.Cli.csproj),
# the way `dotnet tool install` or a release would ship it. Figures depend on the machine: compare runs made one after another.
# Each run writes into a folder of its own, and all are deleted at the end: on ext4 without a journal (this machine's
# disk) a run that creates its 726 chunk files right after the previous run's were deleted pays ~0.3 s of kernel time
# skipping the recently freed inodes, which measures the harness rather than the program. For the same reason each run
# starts after a `sync`: otherwise the kernel writes the previous run's files back (600 MB for JSONL) on the same cores.
set -euo pipefail
cd "$(dirname "$0")/.."
repeat=${REPEAT:-3}
runs=0
work=$(mktemp -d)
trap 'rm -rf "$work"; [ -n "${moto:-}" ] && kill "$moto" 2>/dev/null || true' EXIT
dotnet publish src/ActorSim.Cli -c Release -o "$work/cli" -v quiet -nologo >/dev/null
cli=$work/cli/actorsim
run() {
  local name=$1; shift
  local walls=() peak=0 summary="" dest
  for _ in $(seq "$repeat"); do
    runs=$((runs + 1))
    dest=(--dest "$work/out-$runs")
    [[ " $* " == *" --dest "* ]] && dest=()
    sync  # the previous run's files are on disk: its writeback does not compete with this run for the cores
    local out
    out=$( { /usr/bin/time -f "TIME %e %M" "$cli" history --progress none --start 2026-01-01T00:00:00 "${dest[@]}" "$@" >"$work/log" ; } 2>&1 | grep TIME) \
      || { echo "$name: the run failed:"; cat "$work/log"; return 1; }
    read -r _ wall kb <<<"$out"
    walls+=("$wall")
    peak=$(( kb / 1024 > peak ? kb / 1024 : peak ))
    summary=$(grep -o 'with the [a-z]* engine in [0-9.]* s: .*' "$work/log" | head -1)
  done
  sorted=$(printf '%s\n' "${walls[@]}" | sort -n)
  printf '%-30s best %5.2f s  median %5.2f s wall  %5d MB peak  (all: %s)  %s\n' "$name" "$(head -1 <<<"$sorted")" "$(sed -n "$(( (repeat + 1) / 2 ))p" <<<"$sorted")" "$peak" "$(tr '\n' ' ' <<<"$sorted" | sed 's/ $//')" "$summary"
}
run "week -> parquet (actors)"
run "week -> parquet (reference)" --engine reference
run "week -> jsonl (actors)" --format jsonl
run "week -> jsonl (reference)" --format jsonl --engine reference
repeat=1 run "year -> parquet (actors)" --duration "1 year"
if command -v moto_server >/dev/null; then
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  moto_server -H 127.0.0.1 -p "$port" >/dev/null 2>&1 & moto=$!
  for _ in $(seq 50); do curl -s "http://127.0.0.1:$port" >/dev/null && break; sleep 0.2; done
  export S3_ENDPOINT="127.0.0.1:$port" S3_ACCESS_KEY=user S3_SECRET_KEY=password
  repeat=1 run "week -> s3 (moto, actors)" --dest s3://bench/history
  grep -E "sink history" "$work/log" || true
fi
