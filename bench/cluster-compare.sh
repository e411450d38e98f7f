#!/usr/bin/env bash
# Benchmark 8: three nodes against one (issue 13). The throughput scenario of benchmark 1 (all distinct NIPs, no bad
# row, every case mailed at once, BKN answering at once) on PostgreSQL, run twice in one go on this machine: one hub,
# then three hubs on the one PostgreSQL, drop folder and mailbox (`load-run.sh --nodes 3`). Prints each rate, the ratio,
# the CPU of each process group per 1,000 rows (the hubs summed, PostgreSQL, the partners) and each node's share.
#   bench/cluster-compare.sh [ROWS]        e.g. bench/cluster-compare.sh 20000
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROWS=${1:-20000}
OUT=$(mktemp -d /tmp/netralitas-cluster-compare.XXXXXX)
SCENARIO=(--bad 0 --repeat 0 --mix 100,0,0,0 --no-histogram --postgres)

run() { # name, node count
    local name=$1 nodes=$2
    echo "=== $name ($(date -u +%H:%M:%SZ), load average $(cut -d' ' -f1-3 /proc/loadavg))"
    "$ROOT/bench/load-run.sh" "$ROWS" "${SCENARIO[@]}" --nodes "$nodes" --work "$OUT/$name" >"$OUT/$name.txt" 2>&1 || true
    grep -m1 '^LOAD RUN' "$OUT/$name.txt" || { tail -n 20 "$OUT/$name.txt"; echo "$name: no result" >&2; exit 1; }
    [[ -f $OUT/$name/figures.properties ]] || { echo "$name: no figures.properties" >&2; exit 1; }
}
run one-node 1
run three-nodes 3

fig() { sed -n "s/^$2=//p" "$OUT/$1/figures.properties" | head -n 1; }
per_1000() { awk -v ms="$(fig "$1" "$2")" -v rows="$ROWS" 'BEGIN {if (ms < 0) print "?"; else printf "%.0f", ms * 1000 / rows}'; }
groups() { # name: CPU per 1,000 rows by process group, and PostgreSQL's share of the three
    local hubs pg partners
    hubs=$(per_1000 "$1" cpu-ms.hubs) pg=$(per_1000 "$1" cpu-ms.postgres) partners=$(per_1000 "$1" cpu-ms.partners)
    printf 'CPU per 1,000 rows: hubs %s ms, PostgreSQL %s ms, partners %s ms = %s ms (PostgreSQL %s %%)' \
        "$hubs" "$pg" "$partners" "$(awk -v a="$hubs" -v b="$pg" -v c="$partners" 'BEGIN {print a + b + c}')" \
        "$(awk -v a="$hubs" -v b="$pg" -v c="$partners" 'BEGIN {printf "%.0f", 100 * b / (a + b + c)}')"
}
ONE=$(fig one-node rows-per-s) THREE=$(fig three-nodes rows-per-s)
echo
echo "CLUSTER COMPARE, $ROWS rows on PostgreSQL, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), this tree $(git -C "$ROOT" describe --always --dirty)"
printf '  %-12s %8s rows/s                %s\n' "one node" "$ONE" "$(groups one-node)"
printf '  %-12s %8s rows/s = %.2f x one   %s\n' "three nodes" "$THREE" \
    "$(awk -v a="$THREE" -v b="$ONE" 'BEGIN {print a / b}')" "$(groups three-nodes)"
SHARES=()
for n in 1 2 3; do
    SHARES+=("$(awk -v d="$(fig three-nodes "node.$n.delivered")" -v ms="$(fig three-nodes "node.$n.cpu-ms")" -v rows="$ROWS" -v n="$n" \
        'BEGIN {printf "node-%d %d delivered (%.0f %%), CPU %.1f s", n, d, 100 * d / rows, ms / 1000}')")
done
echo "  three nodes' shares: $(IFS=';'; echo "${SHARES[*]}" | sed 's/;/; /g')"
echo "  checks: one node $(fig one-node ok | sed 's/true/OK/;s/false/PROBLEM/'), three nodes $(fig three-nodes ok | sed 's/true/OK/;s/false/PROBLEM/') (accounted, handled once, rejects, hub logs: see the reports)"
echo "  reports: $OUT/{one-node,three-nodes}.txt"
[[ $(fig one-node ok) == true && $(fig three-nodes ok) == true ]] || { echo "a run's report says PROBLEM" >&2; exit 1; }
