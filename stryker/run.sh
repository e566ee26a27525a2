#!/usr/bin/env bash
# Runs Stryker.NET on one scope: stryker/run.sh registry-conversions|parquet-format|sync-core|engine-kernel|engine
# The report lands in tests/<test project>/StrykerOutput/<date>/reports/mutation-report.html.
set -euo pipefail
cd "$(dirname "$0")/.."
scope=${1:?usage: stryker/run.sh registry-conversions|parquet-format|sync-core|engine-kernel|engine}
case "$scope" in
  registry-conversions|sync-core) tests=tests/ActorSim.Model.Tests ;;
  parquet-format) tests=tests/ActorSim.Egress.Tests ;;
  engine|engine-kernel) tests=tests/ActorSim.Engine.Tests ;;
  *) echo "unknown scope '$scope'" >&2; exit 2 ;;
esac
dotnet tool restore >/dev/null
cd "$tests"
exec dotnet stryker --config-file "../../stryker/$scope.json" "${@:2}"
