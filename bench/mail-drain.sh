#!/usr/bin/env bash
# Benchmark 4: time for the hub to drain a report mailbox of N messages (default 1000), every shape of report email in
# turn (src/test/resources/mail). GreenMail and the BKN simulator run in the harness JVM, the hub from its jar in its
# own JVM with production settings (-Xmx256m). Prints one result line and the work folder.
#   bench/mail-drain.sh [MESSAGES] [--xmx SIZE]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MESSAGES=${1:-1000}; shift || true
XMX=256m
while [[ $# -gt 0 ]]; do
    case $1 in
        --xmx) XMX=$2; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
source "$ROOT/bench/build.sh"
WORK=$(mktemp -d /tmp/netralitas-mail-drain.XXXXXX)
java -Xmx1g -cp "$BENCH_CP" netralitas.hub.bench.MailDrain \
    --messages "$MESSAGES" --root "$ROOT" --work "$WORK" --xmx "$XMX"
