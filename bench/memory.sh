#!/usr/bin/env bash
# Benchmark 3: memory. Benchmark 1 (bench/throughput.sh: all distinct NIPs, no bad row, every case mailed at once) with
# ROWS reports (default 1,000,000) through a hub started with -Xmx256m. Prints whether it completed with every row
# accounted for, the peak heap after GC, the peak RSS and the rate, to compare with bench/throughput.sh 100000.
#   bench/memory.sh [ROWS] [more bench/load-run.sh options]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROWS=1000000
if [[ ${1:-} =~ ^[0-9]+$ ]]; then ROWS=$1; shift; fi
exec "$ROOT/bench/load-run.sh" "$ROWS" --xmx 256m --bad 0 --repeat 0 --mix 100,0,0,0 --progress 120 "$@"
