#!/usr/bin/env bash
# Benchmark 9: what the writes of a delivered case cost the embedded H2 store, without the rest of the hub (no
# partners, no mail): 8 threads write what the delivery route writes per case, paced as the hub runs, into a store
# opened as the hub opens it; once with the group commit committing at once (the reference), once with the shipped
# commit delay. Prints, for each, CPU per 1,000 cases, H2's writes and bytes per case, and the file per case.
#   bench/state-writes.sh [--cases N] [--rate R] [--workers W] [--commit-delay-ms D]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$ROOT/bench/build.sh"
java -Xmx256m -cp "$BENCH_CP" netralitas.hub.bench.StateWriteCost "$@"
