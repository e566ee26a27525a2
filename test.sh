#!/usr/bin/env bash
# Runs every test of the solution and ends with one line "N passed, N failed[, N skipped]".
# Needs the .NET 10 SDK; the S3 tests start moto_server themselves (installed here with pip when missing), the database
# snapshot tests a PostgreSQL server (installed here with apt-get when neither PATH nor /usr/lib/postgresql has one).
set -uo pipefail
cd "$(dirname "$0")"
if ! command -v moto_server >/dev/null 2>&1; then
  python3 -m pip install --quiet 'moto[server]' || echo "warning: moto_server could not be installed; the S3 tests will fail" >&2
fi
if ! command -v initdb >/dev/null 2>&1 && ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; } ||
    echo "warning: PostgreSQL could not be installed; the database snapshot tests will fail" >&2
fi
dotnet build ActorSim.sln -c Release || exit 1
log=$(mktemp)
dotnet test ActorSim.sln -c Release --no-build --logger "console;verbosity=normal" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
sum() { grep -E "^ +$1: +[0-9]+" "$log" | awk '{ s += $2 } END { print s + 0 }'; }
passed=$(sum Passed); failed=$(sum Failed); skipped=$(sum Skipped)
# The failed tests' names and first message lines again at the end, where a truncated log still shows them.
grep -E -A3 "^ +Failed [A-Za-z_]" "$log" | cut -c1-400 | head -60
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
