#!/usr/bin/env bash
# Benchmark 2: BKN-bound. BKN answers after 50 ms and refuses (429) past 50 requests per second; the hub is set to the
# same limit (hub.bkn.rate-limit-per-second=50). Two runs of ROWS reports (default 5000), every one a case mailed at
# once: all NIPs distinct, then 20 % of the NIP rows naming an employee already named (the cache must answer those).
# Prints for each the BKN request rate achieved (first to last request) against the limit, the 429s received, the BKN
# calls against the distinct NIPs, and the total time.
#   bench/latency-bound.sh [ROWS] [more bench/load-run.sh options]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROWS=5000
if [[ ${1:-} =~ ^[0-9]+$ ]]; then ROWS=$1; shift; fi
for REPEAT in 0 0.2; do
    echo "=== BKN 50 ms, limit 50/s, repeated NIPs $REPEAT ==="
    "$ROOT/bench/load-run.sh" "$ROWS" --bad 0 --repeat "$REPEAT" --mix 100,0,0,0 \
        --bkn-latency-ms 50 --bkn-rate-limit 50 --hub-bkn-rate 50 "$@" \
        | grep -E "^LOAD RUN|request rate|data-utama requests|429 / 401|work folder"
done
