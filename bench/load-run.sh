#!/usr/bin/env bash
# One whole load run of the hub, with figures at the end (docs/benchmarks.md):
#   generate a CSV  ->  start the partners JVM (BKN simulator + SMTP server)  ->  start the hub jar in its own JVM
#   ->  drop the CSV  ->  wait until the hub moved it to done/  ->  stop the hub (SIGTERM)  ->  report.
# Everything runs on loopback; the work folder (CSV, logs, audit trail, rejects) is kept and its path printed.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: bench/load-run.sh ROWS [options]        e.g. bench/load-run.sh 1000000 --xmx 256m

The CSV
  --bad F               share of bad rows, one fault each: bad NIP, bad date, no uraian   (default 0.05)
  --repeat F            share of NIP rows naming an employee named earlier in the file      (default 0.2)
  --duplicate F         share of rows repeating the previous good row exactly (DUPLICATE)   (default 0)
  --mix A,B,C,D         weights of BERAT/SEDANG, RINGAN, PASSIVE_ATTENDANCE, village heads  (default 40,40,15,5)
  --seed N              generator seed; same seed and options, same file                    (default 42)
The partners (BKN simulator, SMTP server)
  --bkn-latency-ms N    delay of every BKN data-utama answer                                (default 0)
  --bkn-rate-limit N    the simulator answers 429 beyond N requests per second, 0 = none    (default 0)
  --bkn-not-found F     share of valid NIPs the simulator does not know                     (default 0)
  --partners-xmx SIZE   heap of the partners JVM                                            (default 1g)
The hub
  --xmx SIZE            heap of the hub JVM                                                 (default 256m)
  --hub-bkn-rate N      hub.bkn.rate-limit-per-second (20 in production; the hub keeps 8 bytes
                        per request per second, so keep it modest)                          (default 10000)
  --hub-opt OPT         one more JVM option for the hub, e.g. --hub-opt -Dhub.bkn.max-concurrency=8 (repeatable)
  --jar PATH            the hub jar to run, e.g. an earlier revision's (default: this tree's target/netralitas-hub.jar)
  --hub-home DIR        the hub's folder (config/, routes/) for that jar                     (default: this tree)
  --postgres            the state store in PostgreSQL: a server of the tests' binaries (BenchPostgres) on loopback
                        (default: the embedded H2 file)
The run
  --progress S          progress line every S seconds                                       (default 30)
  --stall S             give up when no row was seen for S seconds, 0 = never               (default 900)
  --timeout S           give up after S seconds, 0 = never                                  (default 0)
  --work DIR            work folder (default: a new /tmp/netralitas-load.XXXXXX)
  --no-histogram        skip the class histogram (jcmd, one full GC) taken when the file is done
  --profile             record the hub with Java Flight Recorder and print its CPU by pipeline stage
  --rebuild | --no-build   always / never run Maven first (default: when sources are newer than the jar)
EOF
}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR="$ROOT/target/netralitas-hub.jar"
HUB_HOME_DIR="$ROOT"
STATE_URL= POSTGRES=no POSTGRES_PID=

[[ $# -ge 1 && $1 =~ ^[0-9]+$ && $1 -gt 0 ]] || { usage >&2; exit 2; }
ROWS=$1; shift
BAD=0.05 REPEAT=0.2 DUPLICATE=0 MIX=40,40,15,5 SEED=42
BKN_LATENCY_MS=0 BKN_RATE_LIMIT=0 BKN_NOT_FOUND=0 PARTNERS_XMX=1g
XMX=256m HUB_BKN_RATE=10000 HUB_OPTS=()
PROGRESS=30 STALL=900 TIMEOUT=0 WORK= BUILD=auto HISTOGRAM=yes PROFILE=no
while [[ $# -gt 0 ]]; do
    case $1 in
        --bad) BAD=$2; shift 2 ;;
        --repeat) REPEAT=$2; shift 2 ;;
        --duplicate) DUPLICATE=$2; shift 2 ;;
        --mix) MIX=$2; shift 2 ;;
        --seed) SEED=$2; shift 2 ;;
        --bkn-latency-ms) BKN_LATENCY_MS=$2; shift 2 ;;
        --bkn-rate-limit) BKN_RATE_LIMIT=$2; shift 2 ;;
        --bkn-not-found) BKN_NOT_FOUND=$2; shift 2 ;;
        --partners-xmx) PARTNERS_XMX=$2; shift 2 ;;
        --xmx) XMX=$2; shift 2 ;;
        --hub-bkn-rate) HUB_BKN_RATE=$2; shift 2 ;;
        --hub-opt) HUB_OPTS+=("$2"); shift 2 ;;
        --jar) JAR=$(realpath "$2"); shift 2 ;;
        --hub-home) HUB_HOME_DIR=$(realpath "$2"); shift 2 ;;
        --postgres) POSTGRES=yes; shift ;;
        --progress) PROGRESS=$2; shift 2 ;;
        --stall) STALL=$2; shift 2 ;;
        --timeout) TIMEOUT=$2; shift 2 ;;
        --work) WORK=$2; shift 2 ;;
        --no-histogram) HISTOGRAM=no; shift ;;
        --profile) PROFILE=yes; shift ;;
        --rebuild) BUILD=always; shift ;;
        --no-build) BUILD=never; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    esac
done

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }

# ---- 1. build (the hub jar; the harness classes live in test sources and never ship in it) ----------------------
BENCH_BUILD=$BUILD
source "$ROOT/bench/build.sh"
CP=$BENCH_CP

# ---- work folder, processes, cleanup ----------------------------------------------------------------------------
if [[ -z $WORK ]]; then
    WORK=$(mktemp -d /tmp/netralitas-load.XXXXXX)
else
    mkdir -p "$WORK"
    [[ -z $(ls -A "$WORK") ]] || { echo "work folder $WORK is not empty" >&2; exit 2; }
    WORK=$(cd "$WORK" && pwd)
fi
# Everything printed is also kept in the work folder; tee ignores Ctrl+C so the cleanup can still print.
exec > >(trap '' INT TERM; exec tee -a "$WORK/console.log") 2>&1

HUB_PID= PARTNERS_PID= MONITOR_PID=
stop_process() { # pid, name, seconds to wait after SIGTERM
    local pid=$1 name=$2 grace=$3
    [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < grace * 10; i++)); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    log "$name did not stop within ${grace} s of SIGTERM: SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
}
cleanup() {
    stop_process "$MONITOR_PID" monitor 5
    stop_process "$HUB_PID" hub 60
    stop_process "$PARTNERS_PID" partners 20
    stop_process "$POSTGRES_PID" postgres 20
    [[ -z ${WORK:-} ]] || echo "work folder: $WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

prop() { sed -n "s/^$2=//p" "$1" | head -n 1; }
secret() { od -An -tx1 -N16 /dev/urandom | tr -d ' \n'; }

MACHINE="nproc $(nproc), $(awk '/MemTotal/ {printf "%.1f GB RAM", $2 / 1048576}' /proc/meminfo), $(java -version 2>&1 | head -n 1), $(uname -sr)"
SCENARIO="rows=$ROWS bad=$BAD repeat=$REPEAT duplicate=$DUPLICATE mix=$MIX seed=$SEED bkn-latency-ms=$BKN_LATENCY_MS bkn-rate-limit=$BKN_RATE_LIMIT bkn-not-found=$BKN_NOT_FOUND hub-bkn-rate=$HUB_BKN_RATE${HUB_OPTS[*]:+ hub-opts=${HUB_OPTS[*]}}"
log "load run: $SCENARIO"
log "machine: $MACHINE"
log "work folder: $WORK"

# ---- 2. the CSV --------------------------------------------------------------------------------------------------
CSV="$WORK/load-$ROWS.csv"
java -Xmx256m -cp "$CP" netralitas.hub.bench.LoadCsvGenerator --rows "$ROWS" --out "$CSV" \
    --manifest "$WORK/generator.properties" --config "$ROOT/config" \
    --bad "$BAD" --repeat "$REPEAT" --duplicate "$DUPLICATE" --mix "$MIX" --seed "$SEED"

# ---- 3. the partners JVM ----------------------------------------------------------------------------------------
java -Xmx"$PARTNERS_XMX" -cp "$CP" netralitas.hub.bench.BenchPartners --config "$ROOT/config" \
    --ports-file "$WORK/partners.properties" --stats-file "$WORK/partners-stats.properties" \
    --latency-ms "$BKN_LATENCY_MS" --rate-limit "$BKN_RATE_LIMIT" --not-found "$BKN_NOT_FOUND" \
    >"$WORK/partners.log" 2>&1 &
PARTNERS_PID=$!
for ((i = 0; i < 600; i++)); do
    [[ -f $WORK/partners.properties ]] && break
    kill -0 "$PARTNERS_PID" 2>/dev/null || { tail -n 30 "$WORK/partners.log"; echo "partners JVM died" >&2; exit 1; }
    sleep 0.1
done
[[ -f $WORK/partners.properties ]] || { echo "partners JVM did not start within 60 s" >&2; exit 1; }
P="$WORK/partners.properties"
log "$(head -n 1 "$WORK/partners.log")"

# ---- 4. the hub, its own JVM, pointed at the partners (and the PostgreSQL store) by environment ------------------
if [[ $POSTGRES == yes ]]; then
    java -Xmx128m -cp "$CP" netralitas.hub.bench.BenchPostgres --out "$WORK/postgres.url" >"$WORK/postgres.log" 2>&1 &
    POSTGRES_PID=$!
    for ((i = 0; i < 600; i++)); do [[ -f $WORK/postgres.url ]] && break; sleep 0.1; done
    [[ -f $WORK/postgres.url ]] || { cat "$WORK/postgres.log"; echo "PostgreSQL did not start within 60 s" >&2; exit 1; }
    STATE_URL=$(head -n 1 "$WORK/postgres.url")
    log "state store: $STATE_URL"
fi
if [[ $PROFILE == yes ]]; then
    # The profile settings sample each Java thread every 10 ms; the recording is written when the hub stops.
    HUB_OPTS+=("-XX:StartFlightRecording=settings=profile,filename=$WORK/hub.jfr,dumponexit=true")
fi
HUB_CMD=(java -Xmx"$XMX" -Xlog:gc:file="$WORK/gc.log":time,uptime,level,tags
         -Dhub.bkn.rate-limit-per-second="$HUB_BKN_RATE" "${HUB_OPTS[@]}" -jar "$JAR")
HUB_STARTED=$(date +%s%N)
(
    cd "$WORK"
    export HUB_HOME="$HUB_HOME_DIR" HUB_STATE_URL="$STATE_URL" HUB_STATE_USERNAME=postgres HUB_EMBEDDED=false HUB_SECURITY_ALLOW_INSECURE=true \
        HUB_DATA_DIR="$WORK/data" HUB_CSV_DROP_DIR="$WORK/drop" \
        HUB_SMTP_HOST="$(prop "$P" smtp.host)" HUB_SMTP_PORT="$(prop "$P" smtp.port)" HUB_SMTP_STARTTLS=false \
        HUB_IMAP_HOST="$(prop "$P" smtp.host)" HUB_IMAP_PORT="$(prop "$P" imap.port)" HUB_IMAP_PROTOCOL=imap \
        HUB_IMAP_USERNAME="$(prop "$P" imap.mailbox)" HUB_IMAP_PASSWORD="$(prop "$P" imap.mailbox)" \
        HUB_BKN_BASE_URL="$(prop "$P" bkn.base-url)" HUB_BKN_TOKEN_URL="$(prop "$P" bkn.token-url)" \
        HUB_BKN_CONSUMER_KEY="$(prop "$P" bkn.consumer-key)" HUB_BKN_CONSUMER_SECRET="$(prop "$P" bkn.consumer-secret)" \
        HUB_AUDIT_REPORTER_SECRET="load-run-$(secret)" HUB_AUDIT_CHAIN_KEY="load-run-$(secret)$(secret)"
    exec "${HUB_CMD[@]}"
) >"$WORK/hub.log" 2>&1 &
HUB_PID=$!
log "hub started (pid $HUB_PID): ${HUB_CMD[*]}"
for ((i = 0; i < 1800; i++)); do
    grep -qE 'Apache Camel .* started' "$WORK/hub.log" && break
    kill -0 "$HUB_PID" 2>/dev/null || { tail -n 40 "$WORK/hub.log"; echo "the hub exited during start-up" >&2; exit 1; }
    sleep 0.1
done
grep -qE 'Apache Camel .* started' "$WORK/hub.log" || { tail -n 40 "$WORK/hub.log"; echo "hub not started in 180 s" >&2; exit 1; }
HUB_STARTUP_S=$(awk -v a="$HUB_STARTED" -v b="$(date +%s%N)" 'BEGIN {printf "%.1f", (b - a) / 1e9}')
log "hub ready after $HUB_STARTUP_S s: $(grep -m1 -oE '(PRODUCTION|EMBEDDED) MODE[^,]*' "$WORK/hub.log" || echo 'mode not logged')"

# ---- 5. drop, watch until done/ ----------------------------------------------------------------------------------
set +e
java -Xmx128m -cp "$CP" netralitas.hub.bench.LoadMonitor --csv "$CSV" --drop-dir "$WORK/drop" \
    --audit-dir "$WORK/data/audit" --state-url "$STATE_URL" --hub-pid "$HUB_PID" --partners-pid "$PARTNERS_PID" --rows "$ROWS" \
    --clk-tck "$(getconf CLK_TCK)" --progress-s "$PROGRESS" --stall-s "$STALL" --timeout-s "$TIMEOUT" \
    --out "$WORK/monitor.properties" &
MONITOR_PID=$!
# Waiting on a background job (not a foreground one) lets a SIGTERM/Ctrl+C reach the trap at once.
wait "$MONITOR_PID"
MONITOR_EXIT=$?
MONITOR_PID=
set -e

# ---- the live heap at the end: a class histogram forces a full GC (the GC log shows what survived) -----------------
if [[ $HISTOGRAM == yes ]] && kill -0 "$HUB_PID" 2>/dev/null; then
    timeout 120 jcmd "$HUB_PID" GC.class_histogram >"$WORK/heap-histogram.txt" 2>&1 \
        || log "jcmd GC.class_histogram failed (see $WORK/heap-histogram.txt)"
fi

# ---- stop the hub (SIGTERM, as a service manager would), then the partners ----------------------------------------
STOP_STARTED=$(date +%s%N)
log "stopping the hub (SIGTERM)"
stop_process "$HUB_PID" hub 120
set +e; wait "$HUB_PID"; HUB_EXIT=$?; set -e
HUB_STOP_S=$(awk -v a="$STOP_STARTED" -v b="$(date +%s%N)" 'BEGIN {printf "%.1f", (b - a) / 1e9}')
HUB_PID=
stop_process "$PARTNERS_PID" partners 30
set +e; wait "$PARTNERS_PID"; set -e
PARTNERS_PID=

cat >"$WORK/run.properties" <<EOF
revision=$(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo unknown)
xmx=$XMX
hub-command=${HUB_CMD[*]}
scenario=$SCENARIO
bkn-rate-limit=$BKN_RATE_LIMIT
hub-bkn-rate=$HUB_BKN_RATE
state-url=$STATE_URL
machine=$MACHINE
hub-startup-s=$HUB_STARTUP_S
hub-stop-s=$HUB_STOP_S
hub-exit=$HUB_EXIT
monitor-exit=$MONITOR_EXIT
EOF

# ---- 6. figures ---------------------------------------------------------------------------------------------------
echo
set +e
java -Xmx512m -cp "$CP" netralitas.hub.bench.LoadReport --work "$WORK"
REPORT_EXIT=$?
if [[ $PROFILE == yes && -f $WORK/hub.jfr ]]; then
    echo
    java -Xmx1g -cp "$CP" netralitas.hub.bench.StageProfile --jfr "$WORK/hub.jfr" \
        --hub-cpu-s "$(awk -v ms="$(prop "$WORK/monitor.properties" hub.cpu-ms.drop-to-done)" 'BEGIN {printf "%.1f", ms / 1000}')" \
        --cases "$(( $(prop "$WORK/generator.properties" rows) - $(prop "$WORK/generator.properties" bad) ))"
fi
set -e
exit $((MONITOR_EXIT != 0 ? MONITOR_EXIT + 10 : REPORT_EXIT))
