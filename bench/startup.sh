#!/usr/bin/env bash
# Benchmark 5: start-up. Time from the start of the hub's process until its readiness probe answers 200 (every route
# started, configuration loaded), and its resident memory (RSS) after it has idled, over several runs. GreenMail and
# the BKN simulator run in the harness JVM; the hub runs from its jar in its own JVM with production settings.
#   bench/startup.sh [--runs N] [--xmx SIZE] [--idle-seconds S]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNS=5 XMX=256m IDLE=10
while [[ $# -gt 0 ]]; do
    case $1 in
        --runs) RUNS=$2; shift 2 ;;
        --xmx) XMX=$2; shift 2 ;;
        --idle-seconds) IDLE=$2; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
source "$ROOT/bench/build.sh"
WORK=$(mktemp -d /tmp/netralitas-startup.XXXXXX)
java -Xmx512m -cp "$BENCH_CP" netralitas.hub.bench.StartupBench \
    --runs "$RUNS" --root "$ROOT" --work "$WORK" --xmx "$XMX" --idle-seconds "$IDLE"
