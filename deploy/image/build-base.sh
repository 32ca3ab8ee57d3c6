#!/usr/bin/env bash
# Builds the base image for guardstream's container image without a container engine or registry:
# a minimal root file system from Debian packages (the C and C++ runtime the JVM and RocksDB need,
# busybox for the health check), a Java runtime cut down with jlink to the modules the app uses, and
# a non-root user (guardstream, uid 10001) owning the state directory. Written as a docker-save
# tarball, which Jib reads as a tar:// base image.
#
# usage: deploy/image/build-base.sh APP_JAR LIB_DIR OUTPUT_TAR
#   APP_JAR, LIB_DIR: the streams app's jar and its runtime dependencies (for jdeps)
# needs: apt-get with package lists (apt-get update), dpkg-deb, ldconfig, python3, and a JDK 17 with
#        jmods (JAVA_HOME, default Debian's openjdk-17). Not root: file owners are set in the tar.
set -euo pipefail

app_jar="$1"
lib_dir="$2"
output="$3"
java_home="${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}"
[ -d "$java_home/jmods" ] || { echo "build-base: $java_home has no jmods; set JAVA_HOME to a JDK 17 with jmods" >&2; exit 1; }

work="$(dirname "$output")/base"
rootfs="$work/rootfs"
rm -rf "$work"
mkdir -p "$work/debs" "$rootfs"

# Shared libraries of libjvm, libzip and librocksdbjni (ldd), plus busybox for HEALTHCHECK.
packages=(base-files libc6 libgcc-s1 libstdc++6 zlib1g busybox-static)
(cd "$work/debs" && apt-get -o APT::Sandbox::User="$(id -un)" download "${packages[@]}" >/dev/null)
for deb in "$work"/debs/*.deb; do
  dpkg-deb -x "$deb" "$rootfs"
done
rm -rf "$rootfs"/usr/share/{doc,man,info,lintian,bug,common-licenses/GPL-*}
ldconfig -r "$rootfs"

# The Java modules the app needs (jdeps), plus providers jdeps cannot see: TLS elliptic curves.
modules="$("$java_home/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 17 \
  --class-path "$lib_dir/*" "$app_jar" "$lib_dir"/*.jar 2>/dev/null | tail -1),jdk.crypto.ec"
"$java_home/bin/jlink" --add-modules "$modules" --output "$rootfs/opt/java" \
  --strip-debug --no-header-files --no-man-pages
echo "build-base: Java runtime with $modules" >&2

cat > "$rootfs/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/usr/sbin/nologin
guardstream:x:10001:10001:guardstream:/var/lib/guardstream:/usr/sbin/nologin
PASSWD
cat > "$rootfs/etc/group" <<'GROUP'
root:x:0:
guardstream:x:10001:
GROUP
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$rootfs/etc/nsswitch.conf"
mkdir -p "$rootfs/tmp" "$rootfs/proc" "$rootfs/dev" "$rootfs/var/lib/guardstream/state"
chmod 1777 "$rootfs/tmp"

# One layer: everything root-owned except the guardstream home, whose owner is set while appending.
layer="$work/layer.tar"
tar --numeric-owner --owner=0 --group=0 --sort=name --mtime=@0 --exclude=./var/lib/guardstream \
  -C "$rootfs" -cf "$layer" .
tar --numeric-owner --owner=10001 --group=10001 --sort=name --mtime=@0 \
  -C "$rootfs" -rf "$layer" ./var/lib/guardstream

python3 "$(dirname "$0")/docker_save.py" "$layer" "$output"
