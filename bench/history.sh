#!/usr/bin/env bash
# Times `actorsim history` end to end (wall seconds and peak memory, from /usr/bin/time), as users run it:
#   bench/history.sh            # week → Parquet, week → JSONL, year → Parquet (memory), week → S3 on moto
# Figures depend on the machine: compare runs made on the same machine, one after another.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/ActorSim.Cli -c Release -v quiet -nologo >/dev/null
cli=src/ActorSim.Cli/bin/Release/net10.0/actorsim
work=$(mktemp -d)
trap 'rm -rf "$work"; [ -n "${moto:-}" ] && kill "$moto" 2>/dev/null || true' EXIT
run() {
  local name=$1; shift
  local out
  out=$( { /usr/bin/time -f "TIME %e %M" "$cli" history --progress none --start 2026-01-01T00:00:00 "$@" >"$work/log" ; } 2>&1 | grep TIME)
  read -r _ wall kb <<<"$out"
  printf '%-28s %7.2f s wall  %6.0f MB peak  %s\n' "$name" "$wall" "$((kb / 1024))" "$(grep -o 'in [0-9.]* s: .*' "$work/log" | head -1)"
}
run "week -> parquet" --dest "$work/parquet"
run "week -> jsonl" --format jsonl --dest "$work/jsonl"
run "year -> parquet" --duration "1 year" --dest "$work/year"
if command -v moto_server >/dev/null; then
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  moto_server -H 127.0.0.1 -p "$port" >/dev/null 2>&1 & moto=$!
  for _ in $(seq 50); do curl -s "http://127.0.0.1:$port" >/dev/null && break; sleep 0.2; done
  export S3_ENDPOINT="127.0.0.1:$port" S3_ACCESS_KEY=user S3_SECRET_KEY=password
  run "week -> s3 (moto)" --dest s3://bench/history
  grep -E "sink history" "$work/log" || true
fi
