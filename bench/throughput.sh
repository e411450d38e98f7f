#!/usr/bin/env bash
# Benchmark 1: throughput. ROWS reports (default 10000; run it with 10000 and 100000), each naming a different employee
# (all distinct NIPs), no bad row, all of them cases that are mailed at once (BERAT/SEDANG), BKN answering at once and
# without a limit. Prints cases/s delivered into the SMTP server, the hub's CPU per 1,000 cases, its peak RSS, and
# where that CPU went by pipeline stage (Java Flight Recorder samples of the hub).
#   bench/throughput.sh [ROWS] [more bench/load-run.sh options]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROWS=10000
if [[ ${1:-} =~ ^[0-9]+$ ]]; then ROWS=$1; shift; fi
exec "$ROOT/bench/load-run.sh" "$ROWS" --bad 0 --repeat 0 --mix 100,0,0,0 --profile "$@"
