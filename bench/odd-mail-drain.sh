#!/usr/bin/env bash
# Benchmark 6: N odd messages (default 1000; the 46 shapes of src/test/resources/odd-mail in turn) in the report mailbox
# must drain in bounded time, with the hub's log under 1 MB; beside it, in the same run, N report messages of
# benchmark 4 as the reference. Each drain: GreenMail and the BKN simulator in the harness JVM, the hub from its jar in
# its own JVM with production settings (-Xmx256m). Prints a line per drain, the ratios, and the work folder; exits 1
# when the odd drain's log reached 1 MB.
#   bench/odd-mail-drain.sh [MESSAGES] [--xmx SIZE] [--timeout-seconds S]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MESSAGES=${1:-1000}; shift || true
XMX=256m
TIMEOUT=1800
while [[ $# -gt 0 ]]; do
    case $1 in
        --xmx) XMX=$2; shift 2 ;;
        --timeout-seconds) TIMEOUT=$2; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
source "$ROOT/bench/build.sh"
WORK=$(mktemp -d /tmp/netralitas-odd-mail-drain.XXXXXX)
# GreenMail holds both mailboxes in this JVM: about 22 copies of the 10 MB message among 1,000.
java -Xmx2g -cp "$BENCH_CP" netralitas.hub.bench.OddMailDrain \
    --messages "$MESSAGES" --root "$ROOT" --work "$WORK" --xmx "$XMX" --timeout-seconds "$TIMEOUT"
