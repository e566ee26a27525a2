#!/usr/bin/env bash
# Runs every test of the solution. Needs the .NET 10 SDK; the S3 tests start moto_server themselves
# (pip install 'moto[server]' if it is missing).
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v moto_server >/dev/null 2>&1; then
  python3 -m pip install --quiet 'moto[server]' || echo "warning: moto_server could not be installed; S3 tests will fail" >&2
fi
dotnet build ActorSim.sln -c Release
dotnet test ActorSim.sln -c Release --no-build --logger "console;verbosity=normal"
