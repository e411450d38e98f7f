#!/usr/bin/env bash
# Benchmark 7: the state store. The throughput scenario of benchmark 1 (all distinct NIPs, no bad row, every case
# mailed at once, BKN answering at once) run three times in one go on this machine: the reference revision (default
# cea7abc, the last release before the state store) on its embedded H2 file, this tree on its embedded H2 file, and this
# tree on PostgreSQL. Prints the rate of each beside the reference's, and what the state costs per case.
#   bench/state-compare.sh [ROWS] [REFERENCE]        e.g. bench/state-compare.sh 100000 cea7abc
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROWS=${1:-100000}
REF=${2:-cea7abc}
OUT=$(mktemp -d /tmp/netralitas-state-compare.XXXXXX)
SCENARIO=(--bad 0 --repeat 0 --mix 100,0,0,0 --no-histogram)

# The reference, built in a worktree of its own; it runs with its own config/ and routes/.
REF_TREE="$OUT/ref-$REF"
git -C "$ROOT" worktree add --detach "$REF_TREE" "$REF" >/dev/null
trap 'git -C "$ROOT" worktree remove --force "$REF_TREE" >/dev/null 2>&1 || true' EXIT
echo "building $REF in $REF_TREE"
(cd "$REF_TREE" && { mvn -q -o -B -DskipTests package || mvn -q -B -DskipTests package; })

run() { # name, load-run options...
    local name=$1; shift
    echo "=== $name ($(date -u +%H:%M:%SZ))"
    "$ROOT/bench/load-run.sh" "$ROWS" "${SCENARIO[@]}" --work "$OUT/$name" "$@" >"$OUT/$name.txt" 2>&1 || true
    grep -m1 '^LOAD RUN' "$OUT/$name.txt" || { tail -n 20 "$OUT/$name.txt"; echo "$name: no result" >&2; exit 1; }
}
run reference --jar "$REF_TREE/target/netralitas-hub.jar" --hub-home "$REF_TREE"
run embedded
run postgresql --postgres

rate() { grep -m1 -oE '= [0-9.]+ rows/s' "$OUT/$1.txt" | grep -oE '[0-9.]+'; }
per_case() { grep -m1 -oE "$2.*[0-9,]+ bytes per case" "$OUT/$1.txt" | grep -oE '[0-9,]+ bytes per case' || echo "?"; }
state_mb() { grep -m1 -E "^ *other hub state" "$OUT/$1.txt" | grep -oE '[0-9.,]+ [KMG]?B' | head -n 1 || echo "?"; }
R=$(rate reference) E=$(rate embedded) P=$(rate postgresql)
echo
echo "STATE COMPARE, $ROWS rows, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), this tree $(git -C "$ROOT" describe --always --dirty)"
printf '  %-34s %8s rows/s                      state %s (hub state besides the trail)\n' "$REF (reference), embedded H2" "$R" "$(state_mb reference)"
printf '  %-34s %8s rows/s = %.2f x reference    state %s, %s\n' "this tree, embedded H2" "$E" \
    "$(awk -v a="$E" -v b="$R" 'BEGIN {print a / b}')" "$(state_mb embedded)" "$(per_case embedded 'other hub state')"
printf '  %-34s %8s rows/s = %.2f x reference, %.0f %% of embedded    %s\n' "this tree, PostgreSQL" "$P" \
    "$(awk -v a="$P" -v b="$R" 'BEGIN {print a / b}')" "$(awk -v a="$P" -v b="$E" 'BEGIN {print 100 * a / b}')" \
    "database $(per_case postgresql 'PostgreSQL database')"
echo "  reports: $OUT/{reference,embedded,postgresql}.txt"
