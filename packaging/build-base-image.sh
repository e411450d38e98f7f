#!/usr/bin/env bash
# Builds a minimal Java 17 base image as a docker-save tarball, from this machine's JDK, without Docker or a registry:
# a jlink'ed runtime of the modules the hub needs at /opt/java/openjdk (the path of the eclipse-temurin images, so the
# hub image is the same on either base), the shared libraries that runtime links, /etc/passwd with the non-root user
# "hub" (uid 10001), and /tmp. Runs without root. Jib takes it as base with -Dimage.base=tar://<absolute path> (docs/container.md).
#
#   packaging/build-base-image.sh [output.tar]          default: target/base-image/netralitas-hub-base.tar
#
# Needs: a JDK 17 with jmods (Debian: openjdk-17-jdk-headless + openjdk-17-jmods), GNU tar, sha256sum, ldd.
# JDK=/path/to/jdk selects another JDK than the one of jlink on the PATH; MODULES=... replaces the module list.
set -euo pipefail

out=${1:-target/base-image/netralitas-hub-base.tar}
jdk=${JDK:-$(dirname "$(dirname "$(readlink -f "$(command -v jlink)")")")}
# jdeps --print-module-deps on the shaded jar, plus what it cannot see because it is found through services or by
# name at run time: TLS key exchange (jdk.crypto.ec), mail charsets (jdk.charsets), id-ID number and date formats
# (jdk.localedata), zip file systems and DNS lookups.
modules=${MODULES:-java.base,java.compiler,java.desktop,java.instrument,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql.rowset,jdk.httpserver,jdk.jfr,jdk.management,jdk.net,jdk.unsupported,jdk.crypto.ec,jdk.charsets,jdk.localedata,jdk.zipfs,jdk.naming.dns}
# Native libraries of java.desktop for screens, sound and fonts: the hub only uses its java.beans classes (FreeMarker),
# and leaving these out spares the image X11, ALSA, FreeType and their dependencies.
desktop_libs="libawt_xawt.so libjawt.so libsplashscreen.so libjsound.so libfontmanager.so liblcms.so libjavajpeg.so"
uid=10001

[ -d "$jdk/jmods" ] || { echo "No jmods in $jdk (Debian: apt-get install openjdk-17-jmods; or set JDK=...)" >&2; exit 1; }
"$jdk/bin/java" -version 2>&1 | head -1 | grep -q '"17' || { echo "$jdk is not a JDK 17" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/rootfs
java_home=$root/opt/java/openjdk

echo "jlink from $jdk: $modules"
"$jdk/bin/jlink" --module-path "$jdk/jmods" --add-modules "$modules" --include-locales=en,id \
    --strip-debug --no-header-files --no-man-pages --compress=2 --output "$java_home"
# The legal notices are links between module folders; make them plain files so the image has no dangling link.
find "$java_home/legal" -type l | while read -r link; do
    target=$(readlink -f "$link"); rm "$link"; cp "$target" "$link"
done
for lib in $desktop_libs; do rm -f "$java_home/lib/$lib"; done

echo "shared libraries:"
find "$java_home" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 \
    | xargs -0 ldd 2>/dev/null \
    | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\/.*ld-linux/ { print $1 }' \
    | grep -v "^$root/" | sort -u > "$work/libs"
# (libgcc_s, which glibc also loads by name when a thread is cancelled, comes in as a dependency of libstdc++.)
grep -q libgcc_s "$work/libs" || echo "warning: libgcc_s not among the libraries" >&2
while read -r lib; do
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
    echo "  $lib"
done < "$work/libs"

mkdir -p "$root/etc" "$root/tmp"
chmod 1777 "$root/tmp"
# No home folder: the hub writes only under its data folder and /tmp (the Debian convention for service users).
printf 'root:x:0:0:root:/root:/sbin/nologin\nhub:x:%s:0:Netralitas Hub:/nonexistent:/sbin/nologin\n' $uid > "$root/etc/passwd"
printf 'root:x:0:\n' > "$root/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$root/etc/nsswitch.conf"

# docker-save layout: one layer tar, its config (named by its digest) and manifest.json.
image=$work/image
mkdir -p "$image"
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$root" -cf "$image/layer.tar" .
layer_sha=$(sha256sum "$image/layer.tar" | cut -d' ' -f1)
mkdir "$image/$layer_sha"
mv "$image/layer.tar" "$image/$layer_sha/layer.tar"
cat > "$image/config.json" <<EOF
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=/opt/java/openjdk","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$layer_sha"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"packaging/build-base-image.sh: jlink runtime of $("$jdk/bin/java" -version 2>&1 | head -1 | tr -d '"')"}]}
EOF
config_sha=$(sha256sum "$image/config.json" | cut -d' ' -f1)
mv "$image/config.json" "$image/$config_sha.json"
printf '[{"Config":"%s.json","RepoTags":["netralitas-hub-base:17"],"Layers":["%s/layer.tar"]}]\n' \
    "$config_sha" "$layer_sha" > "$image/manifest.json"

mkdir -p "$(dirname "$out")"
(cd "$image" && tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf - manifest.json "$config_sha.json" "$layer_sha") > "$out"
echo "base image: $(readlink -f "$out") ($(du -h "$out" | cut -f1), runtime $(du -sh "$java_home" | cut -f1))"
echo "use it:     mvn -B package -DskipTests jib:buildTar -Dimage.base=tar://$(readlink -f "$out")"
