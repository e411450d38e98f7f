#!/usr/bin/env bash
# Benchmark 3: memory. ROWS reports (default 1,000,000) through a hub started with -Xmx256m: all distinct NIPs, no bad
# row, the default mix of outcomes (mailed at once, queued for the digest, closed, village heads). Prints whether it
# completed with every row accounted for, the peak heap after GC, the peak RSS and the rate. The rate to compare it
# with is the same command at 100000 rows (bench/memory.sh 100000): same mix, a tenth of the rows.
#   bench/memory.sh [ROWS] [more bench/load-run.sh options]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROWS=${1:-1000000}; shift || true
exec "$ROOT/bench/load-run.sh" "$ROWS" --xmx 256m --bad 0 --repeat 0 "$@"
