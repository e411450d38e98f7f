#!/usr/bin/env bash
# Benchmark 2: BKN-bound. BKN answers after 50 ms and refuses (429) a request that arrives when as many as its limit
# arrived within the second before it (a sliding window, token requests included); the hub is set to the same limit
# (hub.bkn.rate-limit-per-second). Three runs, every report a case mailed at once: ROWS reports (default 5000) at
# 50/s with all NIPs distinct, then with 20 % of the NIP rows naming an employee already named (the cache must answer
# those); then 1,000 distinct NIPs at 5/s (about 200 s).
# Prints for each the BKN request rate achieved (first to last request) against the limit, the worst second as BKN
# counted it, the 429s received, the BKN calls against the distinct NIPs, and the total time.
#   bench/latency-bound.sh [ROWS] [more bench/load-run.sh options]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROWS=5000
if [[ ${1:-} =~ ^[0-9]+$ ]]; then ROWS=$1; shift; fi

run() {
    local title=$1 rows=$2 limit=$3 repeat=$4
    shift 4
    echo "=== $title ==="
    "$ROOT/bench/load-run.sh" "$rows" --bad 0 --repeat "$repeat" --mix 100,0,0,0 \
        --bkn-latency-ms 50 --bkn-rate-limit "$limit" --hub-bkn-rate "$limit" "$@" \
        | grep -E "^LOAD RUN|request rate|worst second|data-utama requests|429 / 401|work folder:"
}

for REPEAT in 0 0.2; do
    run "BKN 50 ms, limit 50/s, repeated NIPs $REPEAT" "$ROWS" 50 "$REPEAT" "$@"
done
run "BKN 50 ms, limit 5/s, 1,000 NIPs" 1000 5 0 "$@"
