#!/usr/bin/env bash
# Checks the hub's container image without Docker: unpacks the image tarball's layers (docker-save format: manifest.json
# → layer tars, in order) into a folder and runs the image's own entrypoint there the way a container runtime would —
# chroot, the image's working directory, user and environment, /proc and /dev mounted in a private mount namespace.
#   1. `audit stats` must exit 0;
#   2. the hub (embedded mode, as shipped) must report ready on /observe/health/ready within the time given, and have
#      written its state under /app/data as the image's user.
#
#   sudo packaging/verify-image.sh [image.tar] [seconds]     default: target/netralitas-hub-image.tar, 90
#
# Needs root (chroot, mount), python3, curl, GNU tar, util-linux unshare. The embedded mail and BKN ports are set to 0
# (any free port) and the management port to $PORT (default 19876) so the check does not collide with a hub already
# running on this host; everything else is the image as built. HUB_* variables set by the caller are passed in, like
# `docker run -e`: HUB_LOG_FORMAT=json also checks that every line the hub wrote is a JSON object.
set -euo pipefail

image=$(readlink -f "${1:-target/netralitas-hub-image.tar}")
seconds=${2:-90}
port=${PORT:-19876}
[ -f "$image" ] || { echo "No image tarball $image (mvn -B package -DskipTests jib:buildTar)" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "Run as root: the check uses chroot and mount" >&2; exit 1; }

work=$(mktemp -d /tmp/hub-image-check.XXXXXX)
trap 'rm -rf --one-file-system "$work"' EXIT
rootfs=$work/rootfs
mkdir -p "$work/tarball" "$rootfs"
tar -xf "$image" -C "$work/tarball"

python3 - "$work/tarball" > "$work/layers" <<'EOF'
import json, sys, os
folder = sys.argv[1]
manifest = json.load(open(os.path.join(folder, "manifest.json")))[0]
config = json.load(open(os.path.join(folder, manifest["Config"])))
json.dump(config, open(os.path.join(folder, "image-config.json"), "w"))
c = config["config"]
print("image  %s" % ", ".join(manifest.get("RepoTags", [])), file=sys.stderr)
for key in ("Entrypoint", "Cmd", "WorkingDir", "User", "ExposedPorts", "Volumes", "Env"):
    print("  %-11s %s" % (key, c.get(key)), file=sys.stderr)
for layer in manifest["Layers"]:
    print(os.path.join(folder, layer))
EOF
echo "image  $(du -h "$image" | cut -f1) ($image), $(wc -l < "$work/layers") layers"
while read -r layer; do
    # --numeric-owner: the ids of the image, not of this host's users
    tar -xf "$layer" -C "$rootfs" --numeric-owner --warning=no-unknown-keyword
    echo "  layer $(basename "$layer") $(du -h "$layer" | cut -f1)"
done < "$work/layers"
echo "unpacked: $(du -sh "$rootfs" | cut -f1)"
for required in /app/netralitas-hub.jar /app/config/application.properties /opt/java/openjdk/bin/java /tmp; do
    [ -e "$rootfs$required" ] || { echo "FAIL: $required missing from the image" >&2; exit 1; }
done
ls "$rootfs/app/routes/"*.camel.yaml > /dev/null || { echo "FAIL: no routes in /app/routes" >&2; exit 1; }
mkdir -p "$rootfs/proc" "$rootfs/dev"

# What a container runtime does with the image config: chroot, working directory, user, environment, entrypoint.
cat > "$work/run-as-container.py" <<'EOF'
import json, os, sys
config, rootfs, extra = json.load(open(sys.argv[1]))["config"], sys.argv[2], sys.argv[3:]
split = extra.index("--")
env = dict(e.split("=", 1) for e in config.get("Env", []))
env.update(e.split("=", 1) for e in extra[:split])
args = extra[split + 1:] or config.get("Cmd") or []
argv = (config.get("Entrypoint") or []) + args
user, _, group = (config.get("User") or "0").partition(":")
os.chroot(rootfs)
os.chdir(config.get("WorkingDir") or "/")
os.setgroups([])
os.setgid(int(group or 0))
os.setuid(int(user))
os.execvpe(argv[0], argv, env)
EOF
contained() {
    unshare --mount --fork -- sh -c 'mount -t proc proc "$0/proc" && mount --rbind /dev "$0/dev" && exec "$@"' \
        "$rootfs" python3 "$work/run-as-container.py" "$work/tarball/image-config.json" "$rootfs" \
        HUB_EMBEDDED_SMTP_PORT=0 HUB_EMBEDDED_IMAP_PORT=0 HUB_EMBEDDED_BKN_PORT=0 $(env | grep '^HUB_' || true) \
        HUB_MANAGEMENT_PORT="$port" "$@"
}

echo
echo "== 1. entrypoint + 'audit stats' in the unpacked image"
contained -- audit stats
echo "   exit 0"

echo
echo "== 2. entrypoint, no argument (the hub, embedded mode), up to $seconds s; health on 127.0.0.1:$port"
contained -- > "$work/hub.log" 2>&1 &
hub=$!
ready=""
for _ in $(seq "$seconds"); do
    sleep 1
    if ready=$(curl -sf "http://127.0.0.1:$port/observe/health/ready"); then break; fi
    kill -0 "$hub" 2>/dev/null || break
done
sleep 5   # let the first cases through, so the state folder shows what the hub wrote
# SIGTERM to the contained process (unshare's child), as `docker stop` does; unshare waits for it to finish.
# ($hub is the subshell running unshare, which ignores SIGTERM itself while it waits for its child.)
kill -TERM $(pgrep -P "$(pgrep -P "$hub")") 2>/dev/null || true
wait "$hub" || true
echo "   log lines (of $(wc -l < "$work/hub.log")):"
grep -E "EMBEDDED MODE|PRODUCTION MODE|Apache Camel .* (started|shutdown) in|Routes startup|ERROR|Exception" "$work/hub.log" \
    | sed -n '1,12s/^/     /p' || true
echo "     … and $(grep -c "DELIVERED to" "$work/hub.log" || true) cases DELIVERED"
if [ -z "$ready" ]; then
    echo "FAIL: the hub did not report ready; its log:" >&2
    tail -40 "$work/hub.log" >&2
    exit 1
fi
echo "   /observe/health/ready: $ready"
if [ "${HUB_LOG_FORMAT:-}" = json ]; then
    python3 - "$work/hub.log" <<'EOF2'
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
bad = [l for l in lines if not l.startswith("{") or not isinstance(json.loads(l), dict)]
print("   HUB_LOG_FORMAT=json: %d lines, %d not a JSON object" % (len(lines), len(bad)))
sys.exit(1 if bad or not lines else 0)
EOF2
fi
echo "   state written in /app/data (owner uid:gid as in the image):"
(cd "$rootfs/app/data" && find . -maxdepth 2 -printf '     %M %U:%G %p\n' | sort -k3 | sed -n '1,15p')
[ -n "$(find "$rootfs/app/data" -mindepth 1 -user 10001 -print -quit)" ] \
    || { echo "FAIL: nothing in /app/data written by uid 10001" >&2; exit 1; }
echo
echo "OK: the image starts the hub as uid $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["config"].get("User"))' "$work/tarball/image-config.json") from /app with its own Java runtime"
