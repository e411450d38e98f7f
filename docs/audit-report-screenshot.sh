#!/usr/bin/env bash
# Documented check of `audit report` (issue 6): make the auditor's HTML report and open it in headless Chromium,
# which saves what it rendered as a PNG. Look at the PNG: green UTUH (or red RUSAK) box, the per-region table, the
# open cases, the delivery check, the rejected reports, the search box and filters, and the case timelines in their
# region's time zone.
#
#   docs/audit-report-screenshot.sh [--jar target/netralitas-hub.jar] [--hub-home DIR] [--audit-dir DIR]
#                                   [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--png audit-report.png]
#   docs/audit-report-screenshot.sh --html report.html [--png audit-report.png]
#   docs/audit-report-screenshot.sh --sample [--png audit-report.png]
#
# Without --html the report comes from the jar: `java -jar <jar> audit report --out <the PNG's name>.html`, run
# against the hub in --hub-home (default: HUB_HOME, else the current folder), or against the trail folder --audit-dir
# (the folder holding audit-YYYY-MM-DD.jsonl files). --html screenshots a report already made. --sample first builds
# the report of the unit tests' fixture trail (mvn -o test -Dtest=AuditReportSampleTest, into
# target/audit-report-sample/; run from the project folder).
# Other options: --chromium PATH (default /usr/bin/chromium), --width 1366 (a laptop: the report must fit it),
# --height 2000.
# Exit: 0 with the PNG written (also when the report shows a broken chain: that is for the reader to see), else 1.
set -euo pipefail

jar=target/netralitas-hub.jar
hub_home=${HUB_HOME:-}
audit_dir=
html=
png=audit-report.png
from=
to=
sample=false
chromium=/usr/bin/chromium
width=1366
height=2000

usage() { sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-1}"; }

while [ $# -gt 0 ]; do
  case "$1" in
    --jar) jar=$2; shift 2 ;;
    --hub-home) hub_home=$2; shift 2 ;;
    --audit-dir) audit_dir=$2; shift 2 ;;
    --html) html=$2; shift 2 ;;
    --png) png=$2; shift 2 ;;
    --from) from=$2; shift 2 ;;
    --to) to=$2; shift 2 ;;
    --sample) sample=true; shift ;;
    --chromium) chromium=$2; shift 2 ;;
    --width) width=$2; shift 2 ;;
    --height) height=$2; shift 2 ;;
    -h|--help) usage 0 ;;
    *) echo "Unknown option: $1" >&2; usage 1 ;;
  esac
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ "$sample" = true ]; then
  mvn -o -q -B test -Dtest=AuditReportSampleTest -Dsurefire.failIfNoSpecifiedTests=false
  html=target/audit-report-sample/report.html
fi

if [ -z "$html" ]; then
  [ -f "$jar" ] || { echo "No jar at $jar (build it with mvn package, or pass --jar)" >&2; exit 1; }
  # Kept beside the PNG, so the report itself can be opened too.
  html=${png%.png}.html
  env_args=()
  [ -n "$hub_home" ] && env_args+=("HUB_HOME=$(cd "$hub_home" && pwd)")
  if [ -n "$audit_dir" ]; then
    [ -d "$audit_dir" ] || { echo "No trail folder $audit_dir" >&2; exit 1; }
    # The hub reads its trail from {hub.data-dir}/audit: a data dir of our own whose audit/ is the given folder.
    mkdir -p "$work/data"
    ln -s "$(cd "$audit_dir" && pwd)" "$work/data/audit"
    env_args+=("HUB_DATA_DIR=$work/data")
  fi
  report_args=(audit report --out "$html")
  [ -n "$from" ] && report_args+=(--from "$from")
  [ -n "$to" ] && report_args+=(--to "$to")
  set +e
  env "${env_args[@]}" java -jar "$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")" "${report_args[@]}"
  status=$?
  set -e
  case $status in
    0) ;;
    1) if [ -s "$html" ]; then echo "Note: the report shows a BROKEN chain (exit 1); screenshotting it anyway." >&2
       else echo "audit report failed (exit 1)" >&2; exit 1; fi ;;
    *) echo "audit report failed (exit $status)" >&2; exit 1 ;;
  esac
fi

[ -s "$html" ] || { echo "No report at $html" >&2; exit 1; }
[ -x "$chromium" ] || { echo "No Chromium at $chromium (pass --chromium)" >&2; exit 1; }
html_abs=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
png_abs=$(mkdir -p "$(dirname "$png")" && cd "$(dirname "$png")" && pwd)/$(basename "$png")
rm -f "$png_abs"

# No network (the report is self-contained: nothing should want it), a throw-away profile, a fixed window.
timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$work/profile" --window-size="$width,$height" \
  --screenshot="$png_abs" "file://$html_abs" >"$work/chromium.log" 2>&1 || {
    echo "Chromium failed; its output:" >&2; cat "$work/chromium.log" >&2; exit 1; }

[ -s "$png_abs" ] || { echo "Chromium wrote no screenshot; its output:" >&2; cat "$work/chromium.log" >&2; exit 1; }
echo "Screenshot of $html_abs: $png_abs"
