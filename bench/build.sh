# Sourced by the bench scripts (needs ROOT): builds the jar when needed, resolves the test classpath, and sets BENCH_CP
# (the harness classes live in src/test/java/netralitas/hub/bench and never ship in the jar).
# BENCH_BUILD: auto (default: when a source is newer than the jar), always, or never.
bench_maven() {
    # Offline first: a machine that built once has everything; fall back to the network otherwise.
    (cd "$ROOT" && { mvn -q -o -B "$@" || mvn -q -B "$@"; })
}
bench_stale() {
    [[ ! -f $ROOT/target/netralitas-hub.jar || ! -f $ROOT/target/test-classes/netralitas/hub/bench/HubJarProcess.class ]] \
        || [[ -n $(find "$ROOT/src" "$ROOT/pom.xml" -newer "$ROOT/target/netralitas-hub.jar" -print -quit) ]]
}
if [[ ${BENCH_BUILD:-auto} == always ]] || { [[ ${BENCH_BUILD:-auto} == auto ]] && bench_stale; }; then
    echo "building (mvn package -DskipTests) in $ROOT"
    bench_maven -DskipTests package
fi
[[ -f $ROOT/target/netralitas-hub.jar ]] || { echo "no $ROOT/target/netralitas-hub.jar: build first" >&2; exit 1; }
BENCH_CLASSPATH_FILE=$ROOT/target/bench-classpath.txt
if [[ ! -f $BENCH_CLASSPATH_FILE || $ROOT/pom.xml -nt $BENCH_CLASSPATH_FILE ]]; then
    echo "resolving the test classpath"
    bench_maven dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$BENCH_CLASSPATH_FILE"
fi
BENCH_CP="$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$BENCH_CLASSPATH_FILE")"
