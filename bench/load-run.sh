#!/usr/bin/env bash
# One whole load run of the hub, with figures at the end (docs/benchmarks.md):
#   generate a CSV  ->  start the partners JVM (BKN simulator + SMTP server)  ->  start the hub jar in its own JVM
#   ->  drop the CSV  ->  wait until the hub moved it to done/  ->  stop the hub (SIGTERM)  ->  report.
# With --postgres --nodes N, N hub processes share the one PostgreSQL, drop folder and mailbox (a cluster, SPEC §11).
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
  --postgres            the state store in PostgreSQL: a server of the tests' binaries (BenchPostgres) on loopback,
                        synchronous_commit and fsync on as in production
                        (default: the embedded H2 file)
  --pg-statements       with --postgres: load pg_stat_statements and print PostgreSQL's commits, WAL and costliest
                        statements per 1,000 rows, counted from when the hub is ready (PgStatementReport)
  --nodes N             N hub processes on that one PostgreSQL, drop folder and mailbox (hub.node-id node-1 … node-N,
                        each its own data folder, management port, log and GC log in node-<n>/); N > 1 needs
                        --postgres. The report checks the cluster as a whole and gives each node's share (default 1)
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
STATE_URL= POSTGRES=no POSTGRES_PID= NODES=1 PG_STATEMENTS=false

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
        --pg-statements) PG_STATEMENTS=true; shift ;;
        --nodes) NODES=$2; shift 2 ;;
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

[[ $NODES =~ ^[0-9]+$ && $NODES -ge 1 ]] || { echo "--nodes needs a whole number of at least 1, not '$NODES'" >&2; exit 2; }
if [[ $NODES -gt 1 && $POSTGRES != yes ]]; then
    echo "--nodes $NODES needs --postgres: nodes share their state only through PostgreSQL (the embedded H2 file belongs to one process)" >&2
    exit 2
fi
if [[ $PG_STATEMENTS == true && $POSTGRES != yes ]]; then
    echo "--pg-statements needs --postgres" >&2
    exit 2
fi

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

HUB_PIDS=() PARTNERS_PID= MONITOR_PID=
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
stop_hubs() { # seconds to wait after SIGTERM; the nodes get their SIGTERM at once, as a service manager stopping all
    local grace=$1 pid
    for pid in "${HUB_PIDS[@]}"; do [[ -z $pid ]] || kill -TERM "$pid" 2>/dev/null || true; done
    for i in "${!HUB_PIDS[@]}"; do stop_process "${HUB_PIDS[$i]}" "$(node_name "$i")" "$grace"; done
}
node_name() { if [[ $NODES -eq 1 ]]; then echo hub; else echo "node-$(($1 + 1))"; fi; }
cleanup() {
    stop_process "$MONITOR_PID" monitor 5
    stop_hubs 60
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
    java -Xmx128m -cp "$CP" netralitas.hub.bench.BenchPostgres --out "$WORK/postgres.url" --statements "$PG_STATEMENTS" \
        >"$WORK/postgres.log" 2>&1 &
    POSTGRES_PID=$!
    for ((i = 0; i < 600; i++)); do [[ -f $WORK/postgres.url ]] && break; sleep 0.1; done
    [[ -f $WORK/postgres.url ]] || { cat "$WORK/postgres.log"; echo "PostgreSQL did not start within 60 s" >&2; exit 1; }
    STATE_URL=$(head -n 1 "$WORK/postgres.url")
    log "state store: $STATE_URL"
fi
# Each node's own folder: the work folder itself for one hub (the layout of every earlier run), node-<n>/ for a cluster.
NODE_DIRS=()
for ((n = 1; n <= NODES; n++)); do
    if [[ $NODES -eq 1 ]]; then NODE_DIRS+=("$WORK"); else NODE_DIRS+=("$WORK/node-$n"); mkdir -p "$WORK/node-$n"; fi
done
# A management port nobody answers on (loopback, 20000-59999, not given to another node): each node needs its own.
MANAGEMENT_PORTS=()
free_port() {
    local port
    for ((try = 0; try < 200; try++)); do
        port=$((20000 + RANDOM % 40000))
        [[ " ${MANAGEMENT_PORTS[*]} " == *" $port "* ]] && continue
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return 0; }
    done
    echo "no free port found for a hub's management port" >&2
    return 1
}
start_node() { # index from 0
    local i=$1 dir=${NODE_DIRS[$1]} opts=("${HUB_OPTS[@]}")
    if [[ $PROFILE == yes ]]; then
        # The profile settings sample each Java thread every 10 ms; the recording is written when the hub stops.
        opts+=("-XX:StartFlightRecording=settings=profile,filename=$dir/hub.jfr,dumponexit=true")
    fi
    local cmd=(java -Xmx"$XMX" -Xlog:gc:file="$dir/gc.log":time,uptime,level,tags
               -Dhub.node-id="node-$((i + 1))" -Dhub.management.port="${MANAGEMENT_PORTS[$i]}"
               -Dhub.bkn.rate-limit-per-second="$HUB_BKN_RATE" "${opts[@]}" -jar "$JAR")
    HUB_CMDS[$i]="${cmd[*]}"
    (
        cd "$dir"
        export HUB_HOME="$HUB_HOME_DIR" HUB_STATE_URL="$STATE_URL" HUB_STATE_USERNAME=postgres HUB_EMBEDDED=false HUB_SECURITY_ALLOW_INSECURE=true \
            HUB_DATA_DIR="$dir/data" HUB_CSV_DROP_DIR="$WORK/drop" \
            HUB_SMTP_HOST="$(prop "$P" smtp.host)" HUB_SMTP_PORT="$(prop "$P" smtp.port)" HUB_SMTP_STARTTLS=false \
            HUB_IMAP_HOST="$(prop "$P" smtp.host)" HUB_IMAP_PORT="$(prop "$P" imap.port)" HUB_IMAP_PROTOCOL=imap \
            HUB_IMAP_USERNAME="$(prop "$P" imap.mailbox)" HUB_IMAP_PASSWORD="$(prop "$P" imap.mailbox)" \
            HUB_BKN_BASE_URL="$(prop "$P" bkn.base-url)" HUB_BKN_TOKEN_URL="$(prop "$P" bkn.token-url)" \
            HUB_BKN_CONSUMER_KEY="$(prop "$P" bkn.consumer-key)" HUB_BKN_CONSUMER_SECRET="$(prop "$P" bkn.consumer-secret)" \
            HUB_AUDIT_REPORTER_SECRET="$REPORTER_SECRET" HUB_AUDIT_CHAIN_KEY="$CHAIN_KEY"
        exec "${cmd[@]}"
    ) >"$dir/hub.log" 2>&1 &
    HUB_PIDS[$i]=$!
    log "$(node_name "$i") started (pid ${HUB_PIDS[$i]}, management port ${MANAGEMENT_PORTS[$i]}): ${HUB_CMDS[$i]}"
}
# The cluster's nodes share the audit chain's keys, as a deployment's would: one secret, one chain.
REPORTER_SECRET="load-run-$(secret)" CHAIN_KEY="load-run-$(secret)$(secret)"
HUB_CMDS=()
HUB_STARTED=$(date +%s%N)
for ((i = 0; i < NODES; i++)); do
    MANAGEMENT_PORTS[$i]=$(free_port)
    start_node "$i"
done
# Every node must be up before the CSV is dropped; one that exits or never starts ends the run, loudly.
START_LIMIT_S=$((180 + 60 * (NODES - 1)))
for ((t = 0; t < START_LIMIT_S * 10; t++)); do
    READY=0
    for i in "${!HUB_PIDS[@]}"; do
        if grep -qE 'Apache Camel .* started' "${NODE_DIRS[$i]}/hub.log"; then
            READY=$((READY + 1))
        elif ! kill -0 "${HUB_PIDS[$i]}" 2>/dev/null; then
            tail -n 40 "${NODE_DIRS[$i]}/hub.log"
            echo "$(node_name "$i") exited during start-up (log: ${NODE_DIRS[$i]}/hub.log)" >&2
            exit 1
        fi
    done
    [[ $READY -eq $NODES ]] && break
    sleep 0.1
done
for i in "${!HUB_PIDS[@]}"; do
    grep -qE 'Apache Camel .* started' "${NODE_DIRS[$i]}/hub.log" || {
        tail -n 40 "${NODE_DIRS[$i]}/hub.log"
        echo "$(node_name "$i") not started in $START_LIMIT_S s (log: ${NODE_DIRS[$i]}/hub.log)" >&2
        exit 1
    }
done
HUB_STARTUP_S=$(awk -v a="$HUB_STARTED" -v b="$(date +%s%N)" 'BEGIN {printf "%.1f", (b - a) / 1e9}')
log "$( ((NODES == 1)) && echo hub || echo "all $NODES nodes") ready after $HUB_STARTUP_S s: $(grep -m1 -oE '(PRODUCTION|EMBEDDED) MODE[^,]*' "${NODE_DIRS[0]}/hub.log" || echo 'mode not logged')"

# ---- 5. drop, watch until done/ ----------------------------------------------------------------------------------
[[ $PG_STATEMENTS == false ]] || java -Xmx128m -cp "$CP" netralitas.hub.bench.PgStatementReport --url "$STATE_URL" --reset true
set +e
java -Xmx128m -cp "$CP" netralitas.hub.bench.LoadMonitor --csv "$CSV" --drop-dir "$WORK/drop" \
    --audit-dir "${NODE_DIRS[0]}/data/audit" --state-url "$STATE_URL" --hub-pid "$(IFS=,; echo "${HUB_PIDS[*]}")" \
    --partners-pid "$PARTNERS_PID" --rows "$ROWS" \
    --clk-tck "$(getconf CLK_TCK)" --progress-s "$PROGRESS" --stall-s "$STALL" --timeout-s "$TIMEOUT" \
    --out "$WORK/monitor.properties" &
MONITOR_PID=$!
# Waiting on a background job (not a foreground one) lets a SIGTERM/Ctrl+C reach the trap at once.
wait "$MONITOR_PID"
MONITOR_EXIT=$?
MONITOR_PID=
set -e

# ---- the live heap at the end: a class histogram forces a full GC (the GC log shows what survived) -----------------
if [[ $HISTOGRAM == yes ]]; then
    for i in "${!HUB_PIDS[@]}"; do
        kill -0 "${HUB_PIDS[$i]}" 2>/dev/null || continue
        timeout 120 jcmd "${HUB_PIDS[$i]}" GC.class_histogram >"${NODE_DIRS[$i]}/heap-histogram.txt" 2>&1 \
            || log "jcmd GC.class_histogram failed (see ${NODE_DIRS[$i]}/heap-histogram.txt)"
    done
fi

# ---- stop the hub (SIGTERM, as a service manager would), then the partners ----------------------------------------
STOP_STARTED=$(date +%s%N)
log "stopping the $( ((NODES == 1)) && echo hub || echo "$NODES nodes") (SIGTERM)"
stop_hubs 120
HUB_EXITS=()
set +e
for pid in "${HUB_PIDS[@]}"; do wait "$pid"; HUB_EXITS+=($?); done
set -e
HUB_EXIT=$(IFS=,; echo "${HUB_EXITS[*]}")
HUB_STOP_S=$(awk -v a="$STOP_STARTED" -v b="$(date +%s%N)" 'BEGIN {printf "%.1f", (b - a) / 1e9}')
HUB_PIDS=()
stop_process "$PARTNERS_PID" partners 30
set +e; wait "$PARTNERS_PID"; set -e
PARTNERS_PID=

cat >"$WORK/run.properties" <<EOF
revision=$(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo unknown)
xmx=$XMX
hub-command=${HUB_CMDS[0]}
nodes=$NODES
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
if [[ $PG_STATEMENTS == true ]]; then
    echo
    java -Xmx128m -cp "$CP" netralitas.hub.bench.PgStatementReport --url "$STATE_URL" --rows "$ROWS"
fi
for i in "${!NODE_DIRS[@]}"; do
    [[ $PROFILE == yes && -f ${NODE_DIRS[$i]}/hub.jfr ]] || continue
    echo
    ((NODES == 1)) || echo "$(node_name "$i") (cases: the whole file's)"
    CPU_KEY=$( ((NODES == 1)) && echo hub.cpu-ms.drop-to-done || echo "node.$((i + 1)).cpu-ms.drop-to-done")
    java -Xmx1g -cp "$CP" netralitas.hub.bench.StageProfile --jfr "${NODE_DIRS[$i]}/hub.jfr" \
        --hub-cpu-s "$(awk -v ms="$(prop "$WORK/monitor.properties" "$CPU_KEY")" 'BEGIN {printf "%.1f", ms / 1000}')" \
        --cases "$(( $(prop "$WORK/generator.properties" rows) - $(prop "$WORK/generator.properties" bad) ))"
done
set -e
exit $((MONITOR_EXIT != 0 ? MONITOR_EXIT + 10 : REPORT_EXIT))
